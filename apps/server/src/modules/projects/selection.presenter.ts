import type { SelectionState } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { ProjectRow, SelectionFlatRow } from '../../db/projects.tables.js';
import type { DB } from '../../db/schema.js';
import { projectsRepository as repo } from './projects.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A flat's short name: 3栋2单元1201. */
export const flatName = (f: Pick<SelectionFlatRow, 'building' | 'unit' | 'number'>) => `${f.building}栋${f.unit}单元${f.number}`;

/** The selection's figures as the project page shows them. */
export async function selectionSummary(q: Q, p: ProjectRow) {
  const households = await q.selectFrom('selectionHouseholds').select(['state', 'slotId']).where('projectId', '=', p.id).execute();
  const flats = await q.selectFrom('selectionFlats').select(['takenBy']).where('projectId', '=', p.id).execute();
  return {
    eligible: households.length,
    flats: flats.length,
    taken: flats.filter((f) => f.takenBy !== null).length,
    chosen: households.filter((h) => h.state === 'chosen').length,
    booked: households.filter((h) => h.slotId !== null).length,
    drawn: p.drawnAt !== null,
    seed: p.lotterySeed,
    drawnAt: p.drawnAt,
    publishedAt: p.resultsPublishedAt,
    objectionUntil: p.objectionUntil,
  };
}

/** Flats with whether they are taken and by which place in the order (never a name). */
export function presentFlats(flats: SelectionFlatRow[], orderOf: Map<string, number | null>) {
  return flats.map((f) => ({
    id: f.id,
    building: f.building,
    unit: f.unit,
    floor: Number(f.floor),
    number: f.number,
    size: Number(f.size),
    type: f.type,
    taken: f.takenBy !== null,
    takenByOrder: f.takenBy ? (orderOf.get(f.takenBy) ?? null) : null,
  }));
}

/** The whole selection for staff: households (masked names), flats, slots with their bookings. */
export async function presentSelection(q: Q, p: ProjectRow, may: { manage: boolean; desk: boolean }) {
  const [households, flats, slots, summary] = await Promise.all([repo.selectionHouseholds(q, p.id), repo.flatsOf(q, p.id), repo.slotsOf(q, p.id), selectionSummary(q, p)]);
  const orderOf = new Map(households.map((h) => [h.id, h.drawOrder === null ? null : Number(h.drawOrder)]));
  const booked = new Map<string, number>();
  for (const h of households) if (h.slotId) booked.set(h.slotId, (booked.get(h.slotId) ?? 0) + 1);
  return {
    projectId: p.id,
    projectName: p.name,
    orderRule: p.orderRule as 'lottery' | 'published',
    summary,
    algorithm: p.lotteryAlgorithm,
    households: households
      .map((h) => ({
        id: h.id,
        householdId: h.householdId,
        number: Number(h.number),
        headNameMasked: h.headNameMasked,
        address: h.address,
        entitledArea: Number(h.entitledArea),
        people: Number(h.people),
        order: h.drawOrder === null ? null : Number(h.drawOrder),
        state: h.state as SelectionState,
        desk: h.desk,
        slotId: h.slotId,
        bookingCode: h.bookingCode,
        flatId: h.flatId,
        chosenAt: h.chosenAt,
      }))
      .sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.number - b.number),
    flats: presentFlats(flats, orderOf),
    slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: Number(s.capacity), booked: booked.get(s.id) ?? 0 })),
    may,
  };
}
