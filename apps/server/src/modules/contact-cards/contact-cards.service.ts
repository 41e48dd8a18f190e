import { type ContactCardsQuery, levelOfCode, localDate } from '@lianxin/core';
import { assertInRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { ContactCardsRepository } from './contact-cards.repository.js';
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
export interface ContactCardsDeps {
  repo: ContactCardsRepository;
  cipher: Cipher;
  clock: Clock;
  audit: AuditLog;
  /** The portal's address (the QR code) and the hotline printed on each card. */
  publicBaseUrl: string;
  hotline: string;
}

export function createContactCardsService({ repo, cipher, clock, audit, publicBaseUrl, hotline }: ContactCardsDeps) {
  async function village(code: string) {
    const villageCode = code.length === 15 ? code.slice(0, 12) : code;
    const area = await repo.area(villageCode);
    if (!area) throw notFound();
    if (levelOfCode(area.code) !== 'village') throw new AppError(400, 'error.not_village', {}, 'area');
    const township = area.parentCode ? await repo.areaName(area.parentCode) : undefined;
    return { code: area.code, name: area.name, fullName: `${township?.name ?? ''}${area.name}` };
  }

  const phoneOf = (enc: string | null) => (enc ? cipher.decrypt(enc) : null);

  async function cadresOf(villageCode: string): Promise<Cadre[]> {
    const today = localDate(clock.now());
    const stationed = await repo.stationedCadres(villageCode, today);
    const rows = stationed.length
      ? stationed
      : (await repo.villageUnitMembers(villageCode)).sort((a, b) => Number(b.role === 'stationed_cadre') - Number(a.role === 'stationed_cadre'));
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ name: r.displayName, phone: phoneOf(r.phoneEnc) }));
  }

  const unitPhone = (villageCode: string) => repo.unitPhone(villageCode);

  const submitUrl = (villageCode: string) => `${publicBaseUrl}/m/submit?area=${villageCode}`;

  return {
    /** The PDF sheet(s) of cards; audited, as it prints cadres' phone numbers. */
    async sheet(actor: Actor, query: ContactCardsQuery): Promise<{ data: Buffer; fileName: string; cards: number }> {
      // Those who read the households of a village print its cards.
      const ranges = rangesFor(actor, 'household.read');
      const cards: ContactCard[] = [];
      let label: string;
      if (query.households) {
        const households = await repo.activeHouseholds(query.households);
        if (households.length !== new Set(query.households).size) throw new AppError(400, 'error.unknown_reference', { what: 'household' }, 'households');
        const contactIds = [...new Set(households.map((h) => h.contactUserId).filter((x): x is string => !!x))];
        const contacts = await repo.users(contactIds);
        const contactById = new Map(contacts.map((u) => [u.id, { name: u.displayName, phone: phoneOf(u.phoneEnc) }]));
        const villages = new Map<string, { v: Awaited<ReturnType<typeof village>>; cadres: Cadre[]; phone: string | null }>();
        for (const h of households) {
          assertInRanges(ranges, h.areaCode);
          const code = h.areaCode.slice(0, 12);
          if (!villages.has(code)) {
            const v = await village(code);
            villages.set(code, { v, cadres: await cadresOf(code), phone: await unitPhone(code) });
          }
          const { v, cadres, phone } = villages.get(code)!;
          const cadre = (h.contactUserId && contactById.get(h.contactUserId)) || cadres[0] || null;
          cards.push({ villageName: v.fullName, cadreName: cadre?.name ?? null, cadrePhone: cadre?.phone ?? phone, hotline: hotline, qrUrl: submitUrl(code), household: `${h.headNameMasked} · ${h.address}` });
        }
        label = 'households';
      } else {
        const v = await village(query.area!);
        assertInRanges(ranges, v.code);
        const cadres = await cadresOf(v.code);
        const phone = await unitPhone(v.code);
        const people = cadres.length ? cadres : [{ name: null, phone }];
        const copies = query.copies ?? Math.max(1, Math.floor(CARDS_PER_SHEET / people.length));
        for (const cadre of people) {
          for (let i = 0; i < copies; i++) cards.push({ villageName: v.fullName, cadreName: cadre.name, cadrePhone: cadre.phone ?? phone, hotline: hotline, qrUrl: submitUrl(v.code), household: null });
        }
        label = v.code;
      }
      await audit.append({ actorUserId: actor.userId, action: 'print_contact_cards', subjectType: 'area', subjectId: query.area ?? null, detail: { cards: cards.length, households: query.households?.length ?? 0 } });
      return { data: await renderContactCards(cards), fileName: `民情联系卡-${label}.pdf`, cards: cards.length };
    },
  };
}
export type ContactCardsService = ReturnType<typeof createContactCardsService>;
