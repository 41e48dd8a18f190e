import { randomUUID } from 'node:crypto';
import { holds, type ServiceItemWrite } from '@lianxin/core';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { ServiceItemRow } from '../../db/service-centre.tables.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { presentItem } from './service-centre.presenter.js';
import { serviceRepository as repo } from './service-centre.repository.js';

/** Lower-case words of a query, matched against the name, category, conditions and materials. */
function matches(row: ServiceItemRow, q: string | undefined): boolean {
  if (!q) return true;
  const hay = `${row.code} ${row.name} ${row.category} ${row.conditions} ${row.materials}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** 事项清单: the catalogue, defined by administrators, public on the portal, with a QR code per service. */
export function createServiceCatalogue({ db, clock, audit, publicBaseUrl }: { db: Kysely<DB>; clock: Clock; audit: AuditLog; publicBaseUrl: string }) {
  async function present(rows: ServiceItemRow[]) {
    const units = await repo.unitNames(db, rows.map((r) => r.unitId));
    return rows.map((r) => presentItem(r, units.get(r.unitId) ?? '', publicBaseUrl));
  }

  async function write(id: string | null, body: ServiceItemWrite, actor: Actor) {
    assertCan(actor, 'service.manage');
    const unit = await db.selectFrom('units').select('id').where('id', '=', body.unitId).executeTakeFirst();
    if (!unit) throw unknownReference('unitId', 'unit');
    const same = await repo.itemByCode(db, body.code);
    if (same && same.id !== id) throw new AppError(409, 'error.service_code', {}, 'code');
    const now = clock.now().toISOString();
    const fields = {
      code: body.code,
      name: body.name,
      category: body.category,
      level: body.level,
      unitId: body.unitId,
      materials: JSON.stringify(body.materials.map((m) => ({ name: m.name, example: m.example ?? null }))),
      conditions: body.conditions,
      limitDays: body.limitDays,
      limitUnit: body.limitUnit,
      fee: body.fee,
      proxyAllowed: body.proxyAllowed ? 1 : 0,
      needsCollective: body.needsCollective ? 1 : 0,
      publicityDays: body.publicityDays,
      quorumPercent: body.quorumPercent,
      voteRule: body.voteRule,
      active: body.active ? 1 : 0,
      updatedAt: now,
    };
    let itemId = id;
    if (id) {
      if (!(await repo.item(db, id))) throw notFound();
      await repo.updateItem(db, id, fields);
    } else {
      itemId = randomUUID();
      await repo.insertItem(db, { id: itemId, createdAt: now, ...fields });
    }
    await audit.append({ actorUserId: actor.userId, action: id ? 'service_item_update' : 'service_item_create', subjectType: 'service_item', subjectId: itemId!, detail: { code: body.code } });
    return (await present([(await repo.item(db, itemId!))!]))[0];
  }

  return {
    /** The whole catalogue for staff (inactive services too, for administrators). */
    async list(actor: Actor, query: { q?: string; level?: string }) {
      const all = await repo.items(db, { activeOnly: !holds(actor.grants, 'service.manage') });
      return { items: await present(all.filter((r) => matches(r, query.q) && (!query.level || r.level === query.level))) };
    },
    async publicList(query: { q?: string; level?: string }) {
      const all = await repo.items(db, { activeOnly: true });
      return { items: await present(all.filter((r) => matches(r, query.q) && (!query.level || r.level === query.level))) };
    },
    async publicItem(code: string) {
      const row = await repo.itemByCode(db, code);
      if (!row || row.active !== 1) throw notFound();
      return (await present([row]))[0];
    },
    /** The QR code of the service's public page, as a PNG for posters. */
    async qr(code: string) {
      const item = await this.publicItem(code);
      const data = await QRCode.toBuffer(item.portalUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
      return { data, fileName: `${item.code}.png`, mimeType: 'image/png' };
    },
    create: (actor: Actor, body: ServiceItemWrite) => write(null, body, actor),
    update: (actor: Actor, id: string, body: ServiceItemWrite) => write(id, body, actor),
  };
}
export type ServiceCatalogue = ReturnType<typeof createServiceCatalogue>;
