import { type AreaNode, type CaseCreateInput, type CaseKind, type CategoryNode, type PetitionClass, type Channel, COLLECTIVE_MIN_PEOPLE, isValidIdNumber, PHONE_PATTERN, REGISTERING_ROLES, type Urgency } from '@lianxin/core';

/**
 * The registration form's logic, kept out of the components so it can be unit-tested: defaults per
 * desk, the request body, where a server field error goes, and the area and category pickers' data.
 */

/** The form's values as Ant Design holds them. */
export interface RegisterValues {
  channel: Channel;
  kind: CaseKind;
  petitionClass?: PetitionClass;
  categoryCode?: string;
  /** Cascader path, county → township → village → grid; the last code is the case's area. */
  areaPath?: string[];
  address?: string;
  requester: { phone?: string; name?: string; idNumber?: string; anonymous?: boolean };
  peopleCount?: number;
  representatives?: string;
  urgency: Urgency;
  title?: string;
  content?: string;
  crossLevel?: boolean;
  major?: boolean;
  publicConsent?: boolean;
  resolveOnSpot?: boolean;
  answer?: string;
  /** The household the case concerns, when the form was opened from one. */
  householdId?: string;
}

/** A grant from /api/auth/me, reduced to what the defaults need. */
export interface GrantLike {
  role: string;
  areaCode: string;
}


const storageKey = (userId: string) => `lx_register_channel:${userId}`;

/** Remembers the channel a user last registered with (each desk mostly uses one). */
export function rememberChannel(userId: string, channel: Channel): void {
  try {
    localStorage.setItem(storageKey(userId), channel);
  } catch {
    /* private mode */
  }
}

/**
 * The channel a new form starts with: the one this user last used; otherwise the hotline for a
 * county-level desk (群众工作中心 / 12345), a field visit for a stationed cadre, a walk-in elsewhere.
 */
export function defaultChannel(userId: string, grants: readonly GrantLike[], stored?: string | null): Channel {
  const remembered = stored !== undefined ? stored : readStored(userId);
  if (remembered) return remembered as Channel;
  const registering = grants.filter((g) => (REGISTERING_ROLES as readonly string[]).includes(g.role));
  if (registering.some((g) => g.role === 'registrar' && isCountyOrAbove(g.areaCode))) return 'phone';
  if (registering.length > 0 && registering.every((g) => g.role === 'stationed_cadre')) return 'field';
  return 'visit';
}

function readStored(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

/** 12-digit codes ending in six zeros are counties, cities or provinces. */
export const isCountyOrAbove = (code: string) => code.length === 12 && code.endsWith('000000');

export const isValidPhone = (value: string) => PHONE_PATTERN.test(value.trim());
export const isValidId = (value: string) => isValidIdNumber(value.trim());
/** 集体访 hint from this many people on. */
export const isCollective = (people: number | undefined) => (people ?? 1) >= COLLECTIVE_MIN_PEOPLE;
/** Mobile numbers are looked up once complete (11 digits); landlines once they match the pattern. */
export const phoneReadyForLookup = (phone: string | undefined) => Boolean(phone && isValidPhone(phone));

/** The body of POST /api/cases from the form's values. */
/** The body of POST /api/cases from the form (typed by the contract; the form has required what it requires). */
export function toCaseBody(values: RegisterValues, attachmentIds: string[], pin: { lat: number; lng: number } | null): CaseCreateInput {
  const anonymous = Boolean(values.requester?.anonymous);
  const trim = (v?: string) => (v && v.trim() ? v.trim() : undefined);
  const people = values.peopleCount ?? 1;
  return {
    channel: values.channel,
    kind: values.kind,
    petitionClass: values.kind === 'petition' ? values.petitionClass : undefined,
    categoryCode: values.categoryCode ?? '',
    title: trim(values.title) ?? '',
    content: trim(values.content) ?? '',
    requester: anonymous
      ? { anonymous: true }
      : { anonymous: false, phone: trim(values.requester?.phone), name: trim(values.requester?.name), idNumber: trim(values.requester?.idNumber)?.toUpperCase() },
    peopleCount: people,
    representatives: isCollective(people) ? trim(values.representatives) : undefined,
    areaCode: values.areaPath?.[values.areaPath.length - 1] ?? '',
    address: trim(values.address),
    lat: pin?.lat,
    lng: pin?.lng,
    urgency: values.urgency,
    crossLevel: Boolean(values.crossLevel),
    major: Boolean(values.major),
    publicConsent: Boolean(values.publicConsent),
    resolveOnSpot: values.kind === 'inquiry' && values.resolveOnSpot && trim(values.answer) ? { answer: trim(values.answer)! } : undefined,
    householdId: values.householdId,
    attachmentIds,
  };
}

/** The form field that shows a server error on `field` (problem+json names body paths). */
export function formFieldOf(field: string): (string | number)[] | null {
  const path = field.replace(/^body[./]/, '').split(/[./]/).filter(Boolean);
  if (path.length === 0) return null;
  if (path[0] === 'areaCode') return ['areaPath'];
  if (path[0] === 'resolveOnSpot') return ['answer'];
  if (path[0] === 'lat' || path[0] === 'lng') return ['address'];
  if (path[0] === 'attachmentIds') return null;
  return path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** The cascader's roots: the areas the user may register in (their registering grants' areas). */
export function registrableAreas(tree: readonly AreaNode[], rootCodes: readonly string[]): AreaNode[] {
  const found: AreaNode[] = [];
  const walk = (nodes: readonly AreaNode[]) => {
    for (const node of nodes) {
      if (rootCodes.includes(node.code)) found.push(node);
      else walk(node.children ?? []);
    }
  };
  walk(tree);
  return found;
}

export function toCascader(nodes: readonly AreaNode[]): CascaderOption[] {
  return nodes.map((n) => ({ value: n.code, label: n.name, children: n.children?.length ? toCascader(n.children) : undefined }));
}

/** The cascader path (root → … → the area) to `code` within `roots`, or undefined when it is not there. */
export function areaPathTo(roots: readonly AreaNode[], code: string): string[] | undefined {
  for (const node of roots) {
    if (node.code === code) return [node.code];
    const inner = areaPathTo(node.children ?? [], code);
    if (inner) return [node.code, ...inner];
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a link may preset on the form — `/register?channel=joint_office&areaCode=…&householdId=…`
 * from a joint office day, a reception session or a household. Values the user could not choose
 * themselves (a channel not offered, an area outside their reach, a malformed id) are ignored.
 */
export function presetFromLink(search: URLSearchParams, roots: readonly AreaNode[], channels: readonly Channel[]): Partial<RegisterValues> {
  const preset: Partial<RegisterValues> = {};
  const channel = search.get('channel');
  if (channel && (channels as readonly string[]).includes(channel)) preset.channel = channel as Channel;
  const areaPath = areaPathTo(roots, search.get('areaCode') ?? '');
  if (areaPath) preset.areaPath = areaPath;
  const householdId = search.get('householdId');
  if (householdId && UUID.test(householdId)) preset.householdId = householdId;
  return preset;
}

/** Finds an area by code in the tree. */
export function findArea(nodes: readonly AreaNode[], code: string): AreaNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = findArea(n.children ?? [], code);
    if (inner) return inner;
  }
  return undefined;
}

export interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

/** TreeSelect data in the user's language (English names fall back to Chinese). */
export function toCategoryTree(nodes: readonly CategoryNode[], english: boolean): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: english && n.nameEn ? n.nameEn : n.name,
    children: n.children.length ? toCategoryTree(n.children, english) : undefined,
  }));
}
