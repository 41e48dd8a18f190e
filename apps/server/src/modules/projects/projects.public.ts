import type { DisclosureKind } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { ProjectRow } from '../../db/projects.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { redact } from '../portal/redact.js';
import { projectsRepository as repo } from './projects.repository.js';
import { NO_SECTIONS, type ProjectSections } from './projects.service.js';
import { bookSlot } from './selection.service.js';
import { flatName, presentFlats } from './selection.presenter.js';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { SelectionObjections } from './selection.objections.js';

/**
 * 公开 (issue 15 item 5): the portal's project and village pages, the selection day's public screen
 * and booking by the code on the household's notice. Nothing personal leaves here: names are the
 * registry's masked names, disclosure texts pass through the portal redactor, and no address, phone
 * or id is ever answered.
 */
const NO_OBJECTIONS: Pick<SelectionObjections, 'publicOutcome'> = { publicOutcome: async () => ({ objectionsOpen: false, objectionOutcome: null }) };

export function createProjectsPublic({ db, clock, audit, sections = NO_SECTIONS, objections = NO_OBJECTIONS }: { db: Kysely<DB>; clock: Clock; audit: AuditLog; sections?: ProjectSections; objections?: Pick<SelectionObjections, 'publicOutcome'> }) {
  const publicDisclosure = (d: { id: string; kind: string; title: string; body: string; publishedAt: string }) => ({
    id: d.id,
    kind: d.kind as DisclosureKind,
    title: redact(d.title),
    body: redact(d.body),
    publishedAt: d.publishedAt,
  });

  async function project(id: string): Promise<ProjectRow> {
    const p = await repo.findProject(db, id);
    if (!p) throw notFound();
    return p;
  }

  async function bookingOf(q: Kysely<DB> | Transaction<DB>, p: ProjectRow, code: string) {
    const h = await q.selectFrom('selectionHouseholds').selectAll().where('projectId', '=', p.id).where('bookingCode', '=', code.toUpperCase()).executeTakeFirst();
    if (!h) throw new AppError(404, 'error.selection_booking_code', {}, 'code');
    return h;
  }

  async function bookingView(p: ProjectRow, code: string) {
    const h = await bookingOf(db, p, code);
    const name = (await db.selectFrom('households').select('headNameMasked').where('id', '=', h.householdId).executeTakeFirstOrThrow()).headNameMasked;
    const slots = await repo.slotsOf(db, p.id);
    const counts = await db.selectFrom('selectionHouseholds').select(['slotId', (eb) => eb.fn.countAll<number>().as('n')]).where('projectId', '=', p.id).where('slotId', 'is not', null).groupBy('slotId').execute();
    const booked = new Map(counts.map((c) => [c.slotId as string, Number(c.n)]));
    return {
      projectName: p.name,
      name,
      number: Number(h.number),
      order: h.drawOrder === null ? null : Number(h.drawOrder),
      slotId: h.slotId,
      slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: Number(s.capacity), booked: booked.get(s.id) ?? 0 })),
    };
  }

  return {
    async list() {
      const rows = await db.selectFrom('projects').select(['id', 'name', 'areaCode', 'leadUnitId']).orderBy('createdAt', 'desc').limit(100).execute();
      const names = await repo.names(db, rows.map((r) => r.areaCode), rows.map((r) => r.leadUnitId));
      return { items: rows.map((r) => ({ id: r.id, name: r.name, areaName: names.area.get(r.areaCode) ?? '', leadUnitName: names.unit.get(r.leadUnitId) ?? '' })) };
    },

    async project(id: string) {
      const p = await project(id);
      const [docs, names, households, flats, decisions, objectionState] = await Promise.all([
        repo.disclosuresOf(db, [p.id], true),
        repo.names(db, [p.areaCode], [p.leadUnitId]),
        p.drawnAt ? repo.selectionHouseholds(db, p.id) : Promise.resolve([]),
        p.resultsPublishedAt ? repo.flatsOf(db, p.id) : Promise.resolve([]),
        sections.decisions(db, [p.id]),
        objections.publicOutcome(db, p),
      ]);
      const flatById = new Map(flats.map((f) => [f.id, f]));
      const ordered = [...households].sort((a, b) => Number(a.drawOrder) - Number(b.drawOrder));
      return {
        id: p.id,
        name: p.name,
        areaName: names.area.get(p.areaCode) ?? '',
        areaCode: p.areaCode,
        leadUnitName: names.unit.get(p.leadUnitId) ?? '',
        description: p.description ? redact(p.description) : null,
        disclosures: docs.map(publicDisclosure),
        seed: p.lotterySeed,
        drawnAt: p.drawnAt,
        order: ordered.map((h) => ({ order: Number(h.drawOrder), number: Number(h.number), name: h.headNameMasked })),
        results: p.resultsPublishedAt
          ? ordered.map((h) => {
              const f = h.flatId ? flatById.get(h.flatId) : undefined;
              return { order: h.drawOrder === null ? null : Number(h.drawOrder), name: h.headNameMasked, flat: f ? flatName(f) : '—', size: f ? Number(f.size) : 0 };
            })
          : [],
        publishedAt: p.resultsPublishedAt,
        objectionUntil: p.objectionUntil,
        ...objectionState,
        decisions,
      };
    },

    /** The public screen: every flat with whether it is taken, who is at each desk, the latest choices. */
    async board(id: string) {
      const p = await project(id);
      const [households, flats] = await Promise.all([repo.selectionHouseholds(db, p.id), repo.flatsOf(db, p.id)]);
      const orderOf = new Map(households.map((h) => [h.id, h.drawOrder === null ? null : Number(h.drawOrder)]));
      const flatById = new Map(flats.map((f) => [f.id, f]));
      const order = (n: number | null) => (n === null ? null : Number(n));
      return {
        projectName: p.name,
        flats: presentFlats(flats, orderOf),
        serving: households.filter((h) => h.state === 'called').map((h) => ({ desk: h.desk ?? '', order: order(h.drawOrder), name: h.headNameMasked })),
        recent: households
          .filter((h) => h.state === 'chosen' && h.flatId && h.chosenAt)
          .sort((a, b) => ((a.chosenAt as string) < (b.chosenAt as string) ? 1 : -1))
          .slice(0, 10)
          .map((h) => ({ order: order(h.drawOrder), name: h.headNameMasked, flat: flatName(flatById.get(h.flatId as string) ?? { building: '?', unit: '?', number: '?' }), at: h.chosenAt as string })),
        taken: flats.filter((f) => f.takenBy !== null).length,
        total: flats.length,
        updatedAt: clock.now().toISOString(),
      };
    },

    booking: async (id: string, code: string) => bookingView(await project(id), code),

    async book(id: string, code: string, slotId: string | null) {
      const p = await project(id);
      if (p.resultsPublishedAt) throw new AppError(409, 'error.selection_published');
      await db.transaction().execute(async (trx) => {
        const h = await bookingOf(trx, p, code);
        await bookSlot(trx, p.id, h, slotId);
        await audit.append({ actorUserId: null, action: 'book', subjectType: 'selection_household', subjectId: h.id, detail: { slotId, via: 'portal' } }, trx);
      });
      return bookingView(p, code);
    },

    /** A village's public page: the projects touching it, their public disclosures, decisions. */
    async village(code: string) {
      const area = await db.selectFrom('areas').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
      if (!area) throw notFound();
      const projects = await repo.projectsTouching(db, code);
      const docs = await repo.disclosuresOf(db, projects.map((p) => p.id), true);
      const nameOf = new Map(projects.map((p) => [p.id, p.name]));
      return {
        code: area.code,
        name: area.name,
        projects: projects.map((p) => ({ id: p.id, name: p.name })),
        disclosures: docs.map((d) => ({ ...publicDisclosure(d), projectId: d.projectId, projectName: nameOf.get(d.projectId) ?? '' })),
        decisions: await sections.decisions(db, projects.map((p) => p.id)),
      };
    },
  };
}
export type ProjectsPublic = ReturnType<typeof createProjectsPublic>;
