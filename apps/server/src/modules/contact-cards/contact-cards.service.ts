import { type ContactCardsQuery, localDate } from '@lianxin/core';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { isInSubtree, levelOfCode } from '@lianxin/core';
import { type ContactCard, renderContactCards } from './render-cards.js';

/** Cards on one A4 sheet (2 columns × 5 rows of 90 × 54 mm business cards). */
export const CARDS_PER_SHEET = 10;

interface Cadre {
  name: string;
  phone: string | null;
}

/**
 * 民情联系卡 (SPEC §3): printable cards for a village, or one per household, with the contact
 * cadre's name and phone, the hotline, and a QR code to the portal's submission page preset to
 * the village. Cadres printed are the village's stationed cadres (stationing_assignments in force
 * today), else the members of the village's own units, stationed cadres first.
 */
export function createContactCardsService(services: Services) {
  const { db, cipher, clock, audit, config } = services;

  function checkScope(actor: Actor, areaCode: string) {
    // Handlers reach their unit's cases only; every other role its unit's area subtree.
    if (!actor.grants.some((g) => g.role !== 'handler' && isInSubtree(areaCode, g.areaCode))) throw forbidden();
  }

  async function village(code: string) {
    const villageCode = code.length === 15 ? code.slice(0, 12) : code;
    const area = await db.selectFrom('areas').select(['code', 'name', 'level', 'parentCode']).where('code', '=', villageCode).executeTakeFirst();
    if (!area) throw notFound();
    if (levelOfCode(area.code) !== 'village') throw new AppError(400, 'error.not_village', {}, 'area');
    const township = area.parentCode ? await db.selectFrom('areas').select('name').where('code', '=', area.parentCode).executeTakeFirst() : undefined;
    return { code: area.code, name: area.name, fullName: `${township?.name ?? ''}${area.name}` };
  }

  const phoneOf = (enc: string | null) => (enc ? cipher.decrypt(enc) : null);

  async function cadresOf(villageCode: string): Promise<Cadre[]> {
    const today = localDate(clock.now());
    const stationed = await db
      .selectFrom('stationingAssignments')
      .innerJoin('users', 'users.id', 'stationingAssignments.cadreUserId')
      .select(['users.id', 'users.displayName', 'users.phoneEnc'])
      .where('stationingAssignments.villageCode', '=', villageCode)
      .where('stationingAssignments.startsOn', '<=', today)
      .where((eb) => eb.or([eb('stationingAssignments.endsOn', 'is', null), eb('stationingAssignments.endsOn', '>=', today)]))
      .where('users.isActive', '=', 1)
      .orderBy('stationingAssignments.startsOn')
      .execute();
    const rows = stationed.length
      ? stationed
      : await db
          .selectFrom('userRoles')
          .innerJoin('units', 'units.id', 'userRoles.unitId')
          .innerJoin('users', 'users.id', 'userRoles.userId')
          .select(['users.id', 'users.displayName', 'users.phoneEnc', 'userRoles.role'])
          .where('units.areaCode', '=', villageCode)
          .where('units.isActive', '=', 1)
          .where('users.isActive', '=', 1)
          .orderBy('users.displayName')
          .execute()
          .then((all) => all.sort((a, b) => Number(b.role === 'stationed_cadre') - Number(a.role === 'stationed_cadre')));
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ name: r.displayName, phone: phoneOf(r.phoneEnc) }));
  }

  async function unitPhone(villageCode: string): Promise<string | null> {
    const unit = await db.selectFrom('units').select('phone').where('areaCode', '=', villageCode).where('phone', 'is not', null).executeTakeFirst();
    return unit?.phone ?? null;
  }

  const submitUrl = (villageCode: string) => `${config.publicBaseUrl}/m/submit?area=${villageCode}`;

  return {
    /** The PDF sheet(s) of cards; audited, as it prints cadres' phone numbers. */
    async sheet(actor: Actor, query: ContactCardsQuery): Promise<{ data: Buffer; fileName: string; cards: number }> {
      const cards: ContactCard[] = [];
      let label: string;
      if (query.households) {
        const households = await db
          .selectFrom('households')
          .select(['id', 'areaCode', 'address', 'headNameMasked', 'contactUserId'])
          .where('id', 'in', query.households)
          .where('archivedAt', 'is', null)
          .execute();
        if (households.length !== new Set(query.households).size) throw new AppError(400, 'error.unknown_reference', { what: 'household' }, 'households');
        const contactIds = [...new Set(households.map((h) => h.contactUserId).filter((x): x is string => !!x))];
        const contacts = contactIds.length ? await db.selectFrom('users').select(['id', 'displayName', 'phoneEnc']).where('id', 'in', contactIds).execute() : [];
        const contactById = new Map(contacts.map((u) => [u.id, { name: u.displayName, phone: phoneOf(u.phoneEnc) }]));
        const villages = new Map<string, { v: Awaited<ReturnType<typeof village>>; cadres: Cadre[]; phone: string | null }>();
        for (const h of households) {
          checkScope(actor, h.areaCode);
          const code = h.areaCode.slice(0, 12);
          if (!villages.has(code)) {
            const v = await village(code);
            villages.set(code, { v, cadres: await cadresOf(code), phone: await unitPhone(code) });
          }
          const { v, cadres, phone } = villages.get(code)!;
          const cadre = (h.contactUserId && contactById.get(h.contactUserId)) || cadres[0] || null;
          cards.push({ villageName: v.fullName, cadreName: cadre?.name ?? null, cadrePhone: cadre?.phone ?? phone, hotline: config.hotline, qrUrl: submitUrl(code), household: `${h.headNameMasked} · ${h.address}` });
        }
        label = 'households';
      } else {
        const v = await village(query.area!);
        checkScope(actor, v.code);
        const cadres = await cadresOf(v.code);
        const phone = await unitPhone(v.code);
        const people = cadres.length ? cadres : [{ name: null, phone }];
        const copies = query.copies ?? Math.max(1, Math.floor(CARDS_PER_SHEET / people.length));
        for (const cadre of people) {
          for (let i = 0; i < copies; i++) cards.push({ villageName: v.fullName, cadreName: cadre.name, cadrePhone: cadre.phone ?? phone, hotline: config.hotline, qrUrl: submitUrl(v.code), household: null });
        }
        label = v.code;
      }
      await audit.append({ actorUserId: actor.userId, action: 'print_contact_cards', subjectType: 'area', subjectId: query.area ?? null, detail: { cards: cards.length, households: query.households?.length ?? 0 } });
      return { data: await renderContactCards(cards), fileName: `民情联系卡-${label}.pdf`, cards: cards.length };
    },
  };
}
