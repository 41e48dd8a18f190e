import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { type AreaRange, inRanges } from '../../access/access.js';
import type { BulletinTable } from '../../db/bulletins.tables.js';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

const num = (v: unknown) => Number(v ?? 0);

/** The only SQL of the bulletins module. */
export const bulletinsRepository = {
  unitsById(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('units').select(['id', 'name', 'kind', 'areaCode']).where('id', 'in', ids).execute();
  },

  casesById(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('cases').select(['id', 'code', 'title', 'areaCode']).where('id', 'in', ids).execute();
  },

  /** Confirmed accountability records written in [from, to) on cases of the area, per unit and source. */
  async confirmedAccountability(db: Q, area: readonly [string, string], from: string, to: string) {
    const rows = await db
      .selectFrom('accountabilityRecords as r')
      .innerJoin('cases as c', 'c.id', 'r.caseId')
      .leftJoin('units as u', 'u.id', 'r.unitId')
      .select(['u.name as unitName', 'r.reason', (eb) => eb.fn.countAll().as('count')])
      .where('r.state', '=', 'confirmed')
      .where('r.createdAt', '>=', from)
      .where('r.createdAt', '<', to)
      .where('c.areaCode', '>=', area[0])
      .where('c.areaCode', '<', area[1])
      .groupBy(['u.name', 'r.reason'])
      .execute();
    return rows
      .map((r) => ({ unitName: r.unitName ?? '—', reason: r.reason, count: num(r.count) }))
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.reason.localeCompare(b.reason));
  },

  /**
   * 督办 orders issued in [from, to) over the area, per addressed unit: issued, answered late or
   * escalated unanswered (overdue), and accepted.
   */
  async supervisionByUnit(db: Q, area: readonly [string, string], from: string, to: string) {
    const rows = await db
      .selectFrom('supervisionOrders as o')
      .innerJoin('units as u', 'u.id', 'o.unitId')
      .select((eb) => [
        'u.name as unitName',
        eb.fn.countAll().as('issued'),
        sql<string | number>`sum(case when ${eb.ref('o.escalatedAt')} is not null or ${eb.ref('o.respondedLate')} = 1 then 1 else 0 end)`.as('overdue'),
        sql<string | number>`sum(case when ${eb.ref('o.state')} = 'accepted' then 1 else 0 end)`.as('accepted'),
      ])
      .where('o.issuedAt', '>=', from)
      .where('o.issuedAt', '<', to)
      .where('o.areaCode', '>=', area[0])
      .where('o.areaCode', '<', area[1])
      .groupBy('u.name')
      .execute();
    return rows
      .map((r) => ({ unitName: r.unitName, issued: num(r.issued), overdue: num(r.overdue), accepted: num(r.accepted) }))
      .sort((a, b) => b.overdue - a.overdue || b.issued - a.issued || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  },

  areaName(db: Q, code: string) {
    return db.selectFrom('areas').select('name').where('code', '=', code).executeTakeFirst();
  },

  /** The issuing organ: the centre unit at the area (群众工作中心), if there is one. */
  centreAt(db: Q, areaCode: string) {
    return db.selectFrom('units').select('name').where('areaCode', '=', areaCode).where('kind', '=', 'center').where('isActive', '=', 1).orderBy('name').executeTakeFirst();
  },

  setting(db: Q, key: string) {
    return db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  },

  find(db: Q, id: string) {
    return db.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findPeriod(db: Q, kind: string, areaCode: string, periodKey: string) {
    return db.selectFrom('bulletins').selectAll().where('kind', '=', kind).where('areaCode', '=', areaCode).where('periodKey', '=', periodKey).executeTakeFirst();
  },

  async nextSeq(db: Q, areaCode: string, year: number): Promise<number> {
    const row = await db.selectFrom('bulletins').select((eb) => eb.fn.max('seq').as('seq')).where('areaCode', '=', areaCode).where('year', '=', year).executeTakeFirst();
    return num(row?.seq) + 1;
  },

  insert(db: Q, row: Insertable<BulletinTable>) {
    return db.insertInto('bulletins').values(row).execute();
  },

  update(db: Q, id: string, changes: Partial<Insertable<BulletinTable>>, onlyDraft = true) {
    let query = db.updateTable('bulletins').set(changes).where('id', '=', id);
    if (onlyDraft) query = query.where('state', '=', 'draft');
    return query.executeTakeFirst().then((r) => Number(r.numUpdatedRows) === 1);
  },

  /** Bulletins managed over `ranges` (any state), or published to one of `unitIds`; newest first. */
  list(db: Q, ranges: readonly AreaRange[], unitIds: readonly string[], f: { kind?: string; state?: string; offset: number; limit: number }) {
    let query = db.selectFrom('bulletins').selectAll().where((eb) => {
      const parts = [];
      if (ranges.length) parts.push(inRanges(eb, 'bulletins.areaCode', ranges));
      if (unitIds.length) {
        parts.push(
          eb.and([
            eb('bulletins.state', '=', 'published'),
            eb.exists(eb.selectFrom('bulletinRecipients as br').select('br.unitId').whereRef('br.bulletinId', '=', 'bulletins.id').where('br.unitId', 'in', unitIds)),
          ]),
        );
      }
      return parts.length ? eb.or(parts) : eb.val(false);
    });
    if (f.kind) query = query.where('kind', '=', f.kind);
    if (f.state) query = query.where('state', '=', f.state);
    return query.orderBy('createdAt', 'desc').orderBy('id').offset(f.offset).limit(f.limit + 1).execute();
  },

  async isRecipient(db: Q, bulletinId: string, unitIds: readonly string[]): Promise<boolean> {
    if (unitIds.length === 0) return false;
    return (await db.selectFrom('bulletinRecipients').select('unitId').where('bulletinId', '=', bulletinId).where('unitId', 'in', unitIds).executeTakeFirst()) !== undefined;
  },

  /** Sends the bulletin to every active unit of its area; answers the active users of those units. */
  async addRecipients(db: Q, bulletinId: string, area: readonly [string, string]): Promise<string[]> {
    await db
      .insertInto('bulletinRecipients')
      .columns(['bulletinId', 'unitId'])
      .expression((eb) =>
        eb
          .selectFrom('units')
          .select([eb.val(bulletinId).as('bulletinId'), 'units.id as unitId'])
          .where('units.isActive', '=', 1)
          .where('units.areaCode', '>=', area[0])
          .where('units.areaCode', '<', area[1]),
      )
      .execute();
    const users = await db
      .selectFrom('bulletinRecipients as br')
      .innerJoin('userRoles as ur', 'ur.unitId', 'br.unitId')
      .innerJoin('users as u', 'u.id', 'ur.userId')
      .select('ur.userId')
      .distinct()
      .where('br.bulletinId', '=', bulletinId)
      .where('u.isActive', '=', 1)
      .execute();
    return users.map((u) => u.userId);
  },

  /** Areas with an active centre unit: where the schedule issues bulletins. */
  async centreAreas(db: Q): Promise<string[]> {
    const rows = await db.selectFrom('units').select('areaCode').distinct().where('kind', '=', 'center').where('isActive', '=', 1).orderBy('areaCode').execute();
    return rows.map((r) => r.areaCode);
  },

  publicList(db: Q) {
    return db.selectFrom('bulletins').selectAll().where('state', '=', 'published').where('isPublic', '=', 1).orderBy('publishedAt', 'desc').limit(50).execute();
  },
};
