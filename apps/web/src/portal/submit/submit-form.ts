import { type CaseKind, PHONE_PATTERN, type PublicCaseSubmitInput } from '@lianxin/core';

/** The form's values as the page holds them. */
export interface SubmitValues {
  kind: CaseKind;
  categoryCode: string;
  description: string;
  areaCode?: string;
  address?: string;
  name?: string;
  phone?: string;
  anonymous?: boolean;
  publicConsent?: boolean;
  website?: string;
}

/** The body of POST /api/public/cases: anonymous requests carry no name or phone at all. */
export function submissionBody(values: SubmitValues, photos: string[], pin?: { lat: number; lng: number }): PublicCaseSubmitInput {
  const anonymous = !!values.anonymous;
  return {
    kind: values.kind,
    categoryCode: values.categoryCode,
    description: values.description.trim(),
    photos,
    areaCode: values.areaCode,
    ...(pin ? { lat: pin.lat, lng: pin.lng } : {}),
    address: values.address?.trim() || undefined,
    name: anonymous ? undefined : values.name?.trim() || undefined,
    phone: anonymous ? undefined : values.phone?.trim(),
    anonymous,
    publicConsent: !!values.publicConsent,
    website: values.website || undefined,
  };
}

export const isPhone = (value: string) => PHONE_PATTERN.test(value.trim());

/** Category rows (code, parentCode, name) as a tree for the TreeSelect. */
export function categoryTree(rows: Array<{ code: string; parentCode: string | null; name: string }>) {
  type Node = { value: string; title: string; children: Node[] };
  const nodes = new Map(rows.map((r) => [r.code, { value: r.code, title: r.name, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
