import type { Contract, VisitDelivery, VisitKind, VisitSchema } from '@lianxin/core';
import type { VisitRow, VisitsRepository } from './visits.repository.js';

type Relations = Awaited<ReturnType<VisitsRepository['relations']>>;
export type VisitDto = Contract<typeof VisitSchema>;

/**
 * Visits as the API shows them. Households carry only their address and the head's masked name;
 * photos are served through the visit (GET /api/visits/:id/photos/:attachmentId), so their reach
 * follows the visit's.
 */
export function presentVisits(visits: readonly VisitRow[], rel: Relations): VisitDto[] {
  const cadreName = new Map(rel.cadres.map((c) => [c.id, c.displayName]));
  const areaName = new Map(rel.areas.map((a) => [a.code, a.name]));
  const group = <T extends { visitId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.visitId, [...(map.get(row.visitId) ?? []), row]);
    return map;
  };
  const households = group(rel.households);
  const photos = group(rel.photos);
  const problems = group(rel.problems);
  return visits.map((v) => ({
    id: v.id,
    kind: v.kind as VisitKind,
    occurredAt: v.occurredAt,
    localDate: v.localDate,
    areaCode: v.areaCode,
    areaName: areaName.get(v.areaCode) ?? null,
    place: v.place,
    lat: v.lat === null ? null : Number(v.lat),
    lng: v.lng === null ? null : Number(v.lng),
    checkedIn: !!v.checkedIn,
    accuracyM: v.accuracyM === null ? null : Number(v.accuracyM),
    notes: v.notes,
    delivered: JSON.parse(v.delivered) as VisitDelivery[],
    campaignId: v.campaignId,
    caseId: v.caseId,
    cadre: { id: v.cadreUserId, name: cadreName.get(v.cadreUserId) ?? null },
    households: (households.get(v.id) ?? []).map((h) => ({ id: h.id, address: h.address, headName: h.headNameMasked, areaCode: h.areaCode })),
    photos: (photos.get(v.id) ?? []).map((p) => ({ attachmentId: p.attachmentId, fileName: p.fileName, mimeType: p.mimeType, size: p.size, url: `/api/visits/${v.id}/photos/${p.attachmentId}` })),
    problems: (problems.get(v.id) ?? []).map((p) => ({
      id: p.id,
      seq: p.seq,
      text: p.text,
      categoryCode: p.categoryCode,
      householdId: p.householdId,
      caseId: p.caseId,
      caseCode: p.caseCode,
      caseStatus: p.caseStatus,
      convertedAt: p.convertedAt,
    })),
    createdAt: v.createdAt,
  }));
}

/** Opaque keyset cursor of a visit list: the last visit's instant and id. */
export const encodeVisitCursor = (v: { occurredAt: string; id: string }) => Buffer.from(`${v.occurredAt}|${v.id}`).toString('base64url');

/** The position a cursor stands for, or undefined when it is not one of ours. */
export function decodeVisitCursor(cursor: string): { occurredAt: string; id: string } | undefined {
  const [occurredAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !occurredAt || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(occurredAt)) return undefined;
  return { occurredAt, id };
}
