import type { AreaRange } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  ServiceApplicationEventTable,
  ServiceApplicationMaterialTable,
  ServiceApplicationRow,
  ServiceApplicationTable,
  ServiceItemTable,
  ServiceMeetingTable,
  ServiceObjectionTable,
} from '../../db/service-centre.tables.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Where an actor reaches applications: area ranges (read), and the proxy's own. */
export interface ApplicationReach {
  areaRanges: AreaRange[];
  userId: string;
}

const inRanges = (ranges: readonly AreaRange[]) => (eb: any) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('serviceApplications.areaCode', '>=', lo), eb('serviceApplications.areaCode', '<', hi)])));

/** The service centre's queries (the only place with SQL for it). */
export const serviceRepository = {
  async nextNumber(db: Q, counter: string): Promise<number> {
    const row = await db
      .insertInto('counters')
      .values({ name: counter, value: 1, textValue: null })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return row.value;
  },

  // ——— catalogue ———
  items(db: Q, opts: { activeOnly: boolean }) {
    let q = db.selectFrom('serviceItems').selectAll().orderBy('category').orderBy('code');
    if (opts.activeOnly) q = q.where('active', '=', 1);
    return q.execute();
  },
  item: (db: Q, id: string) => db.selectFrom('serviceItems').selectAll().where('id', '=', id).executeTakeFirst(),
  itemByCode: (db: Q, code: string) => db.selectFrom('serviceItems').selectAll().where('code', '=', code).executeTakeFirst(),
  insertItem: (db: Q, row: ServiceItemTable) => db.insertInto('serviceItems').values(row).execute(),
  updateItem: (db: Q, id: string, row: Partial<ServiceItemTable>) => db.updateTable('serviceItems').set(row).where('id', '=', id).execute(),
  unitNames: async (db: Q, ids: readonly string[]) =>
    new Map(ids.length ? (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute()).map((u) => [u.id, u.name]) : []),
  areaNames: async (db: Q, codes: readonly string[]) =>
    new Map(codes.length ? (await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute()).map((a) => [a.code, a.name]) : []),
  userNames: async (db: Q, ids: readonly (string | null)[]) => {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    return new Map(wanted.length ? (await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute()).map((u) => [u.id, u.displayName]) : []);
  },

  // ——— applications ———
  insertApplication: (db: Q, row: ServiceApplicationTable) => db.insertInto('serviceApplications').values(row).execute(),
  application: (db: Q, id: string) => db.selectFrom('serviceApplications').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Moves an application from one of `from` (optimistic: a concurrent step makes it 0 rows). */
  async moveApplication(db: Q, id: string, from: readonly string[], changes: Partial<ServiceApplicationTable>): Promise<boolean> {
    const r = await db.updateTable('serviceApplications').set(changes).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  updateApplication: (db: Q, id: string, changes: Partial<ServiceApplicationTable>) => db.updateTable('serviceApplications').set(changes).where('id', '=', id).execute(),

  listApplications(db: Q, reach: ApplicationReach, opts: { view: string; state?: string; itemId?: string; decideRanges: AreaRange[]; now: string; offset: number; limit: number }) {
    let q = db.selectFrom('serviceApplications').selectAll();
    if (opts.view === 'carry') q = q.where('proxyUserId', '=', reach.userId);
    else if (reach.areaRanges.length === 0) q = q.where('proxyUserId', '=', reach.userId);
    else q = q.where((eb) => eb.or([inRanges(reach.areaRanges)(eb), eb('proxyUserId', '=', reach.userId)]));
    if (opts.view === 'decide') {
      if (opts.decideRanges.length === 0) return Promise.resolve([] as ServiceApplicationRow[]);
      q = q
        .where('state', 'in', ['submitted', 'received', 'supplemented', 'reviewing', 'committee', 'publicity', 'approved', 'refused'])
        .where((eb) => eb.or(opts.decideRanges.map(([lo, hi]) => eb.and([eb('decidingAreaCode', '>=', lo), eb('decidingAreaCode', '<', hi)]))));
    }
    if (opts.view === 'overdue') q = q.where('state', 'in', ['submitted', 'received', 'supplemented', 'reviewing', 'committee']).where('dueAt', '<', opts.now);
    if (opts.state) q = q.where('state', '=', opts.state);
    if (opts.itemId) q = q.where('itemId', '=', opts.itemId);
    return q.orderBy('submittedAt', 'desc').orderBy('id', 'desc').offset(opts.offset).limit(opts.limit + 1).execute();
  },

  insertMaterials: (db: Q, rows: ServiceApplicationMaterialTable[]) => (rows.length ? db.insertInto('serviceApplicationMaterials').values(rows).execute() : Promise.resolve()),
  materials: (db: Q, applicationId: string) => db.selectFrom('serviceApplicationMaterials').selectAll().where('applicationId', '=', applicationId).orderBy('position').execute(),
  updateMaterial: (db: Q, id: string, changes: Partial<ServiceApplicationMaterialTable>) => db.updateTable('serviceApplicationMaterials').set(changes).where('id', '=', id).execute(),
  materialsOf: async (db: Q, ids: readonly string[]) =>
    ids.length ? await db.selectFrom('serviceApplicationMaterials').select(['applicationId', 'name', 'state']).where('applicationId', 'in', [...ids]).where('state', '!=', 'present').execute() : [],

  async insertEvent(db: Q, row: Omit<ServiceApplicationEventTable, 'seq'>) {
    const seq = await serviceRepository.nextNumber(db, 'service_events');
    await db.insertInto('serviceApplicationEvents').values({ ...row, seq }).execute();
  },
  events: (db: Q, applicationId: string) => db.selectFrom('serviceApplicationEvents').selectAll().where('applicationId', '=', applicationId).orderBy('seq').execute(),
  lastEvent: (db: Q, applicationId: string, action: string) =>
    db.selectFrom('serviceApplicationEvents').selectAll().where('applicationId', '=', applicationId).where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst(),

  attachments: async (db: Q, ids: readonly string[]) =>
    ids.length ? await db.selectFrom('attachments').select(['id', 'fileName', 'mimeType', 'storageKey', 'uploadedBy', 'caseId']).where('id', 'in', [...ids]).execute() : [],
  household: (db: Q, id: string) => db.selectFrom('households').select(['id', 'areaCode']).where('id', '=', id).executeTakeFirst(),

  /** Applications whose clock runs, for the sweep: due (yellow window included) and not yet at `level`. */
  sweepCandidates: (db: Q, limit: number) =>
    db
      .selectFrom('serviceApplications')
      .selectAll()
      .where('state', 'in', ['submitted', 'received', 'supplemented', 'reviewing', 'committee'])
      .where('dueAt', 'is not', null)
      .where('escalationLevel', '<', 1)
      .orderBy('dueAt')
      .limit(limit)
      .execute(),

  // ——— committee ———
  insertMeeting: (db: Q, row: ServiceMeetingTable) => db.insertInto('serviceMeetings').values(row).execute(),
  meeting: (db: Q, id: string) => db.selectFrom('serviceMeetings').selectAll().where('id', '=', id).executeTakeFirst(),
  updateMeeting: (db: Q, id: string, changes: Partial<ServiceMeetingTable>) => db.updateTable('serviceMeetings').set(changes).where('id', '=', id).execute(),
  meetings(db: Q, ranges: readonly AreaRange[]) {
    if (!ranges.length) return Promise.resolve([]);
    return db
      .selectFrom('serviceMeetings')
      .selectAll()
      .where((eb) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('areaCode', '>=', lo), eb('areaCode', '<', hi)]))))
      .orderBy('heldAt', 'desc')
      .limit(100)
      .execute();
  },
  insertVotes: (db: Q, meetingId: string, applicationIds: readonly string[]) =>
    db
      .insertInto('serviceVotes')
      .values(applicationIds.map((applicationId) => ({ meetingId, applicationId, votes: null, outcome: null })))
      .execute(),
  votes: (db: Q, meetingId: string) =>
    db
      .selectFrom('serviceVotes')
      .innerJoin('serviceApplications', 'serviceApplications.id', 'serviceVotes.applicationId')
      .innerJoin('serviceItems', 'serviceItems.id', 'serviceApplications.itemId')
      .select([
        'serviceVotes.applicationId',
        'serviceVotes.votes',
        'serviceVotes.outcome',
        'serviceApplications.number',
        'serviceApplications.state',
        'serviceApplications.applicantMasked',
        'serviceItems.name as itemName',
        'serviceItems.quorumPercent',
        'serviceItems.voteRule',
      ])
      .where('serviceVotes.meetingId', '=', meetingId)
      .orderBy('serviceApplications.number')
      .execute(),
  setVote: (db: Q, meetingId: string, applicationId: string, votes: string, outcome: string) =>
    db.updateTable('serviceVotes').set({ votes, outcome }).where('meetingId', '=', meetingId).where('applicationId', '=', applicationId).execute(),

  // ——— publicity and objections ———
  running: (db: Q, now: string) =>
    db
      .selectFrom('serviceApplications')
      .innerJoin('serviceItems', 'serviceItems.id', 'serviceApplications.itemId')
      .selectAll('serviceApplications')
      .select(['serviceItems.name as itemName', 'serviceItems.unitId as unitId'])
      .where('serviceApplications.state', '=', 'publicity')
      .where('serviceApplications.publicityStartsAt', '<=', now)
      .orderBy('serviceApplications.publicityEndsAt')
      .limit(200)
      .execute(),
  insertObjection: (db: Q, row: ServiceObjectionTable) => db.insertInto('serviceObjections').values(row).execute(),
  objections: (db: Q, applicationId: string) => db.selectFrom('serviceObjections').selectAll().where('applicationId', '=', applicationId).orderBy('createdAt').execute(),
  objection: (db: Q, id: string) => db.selectFrom('serviceObjections').selectAll().where('id', '=', id).executeTakeFirst(),
  updateObjection: (db: Q, id: string, changes: Partial<ServiceObjectionTable>) => db.updateTable('serviceObjections').set(changes).where('id', '=', id).execute(),
  objectionCounts: async (db: Q, ids: readonly string[]) => {
    if (!ids.length) return new Map<string, number>();
    const rows = await db
      .selectFrom('serviceObjections')
      .select((eb) => ['applicationId', eb.fn.countAll<number>().as('n')])
      .where('applicationId', 'in', [...ids])
      .groupBy('applicationId')
      .execute();
    return new Map(rows.map((r) => [r.applicationId, Number(r.n)]));
  },

  // ——— figures ———
  figureRows(db: Q, ranges: readonly AreaRange[], from: string, to: string) {
    if (!ranges.length) return Promise.resolve([]);
    return db
      .selectFrom('serviceApplications')
      .innerJoin('serviceItems', 'serviceItems.id', 'serviceApplications.itemId')
      .select([
        'serviceApplications.itemId',
        'serviceItems.name as itemName',
        'serviceItems.level',
        'serviceApplications.areaCode',
        'serviceApplications.channel',
        'serviceApplications.state',
        'serviceApplications.submittedAt',
        'serviceApplications.decidedAt',
        'serviceApplications.overdueAtDecision',
        'serviceApplications.evaluationResult',
      ])
      .where((eb) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('serviceApplications.areaCode', '>=', lo), eb('serviceApplications.areaCode', '<', hi)]))))
      .where('serviceApplications.submittedAt', '>=', from)
      .where('serviceApplications.submittedAt', '<', to)
      .execute();
  },
};
