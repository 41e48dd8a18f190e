import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  type CaseCreate,
  CASE_KINDS,
  label,
  type Locale,
  localDate,
  PORTAL_MAX_PHOTOS,
  PORTAL_PHOTO_MAX_MB,
  type PublicBoardQuery,
  type PublicCaseSubmit,
  type PublicMapQuery,
  startOfLocalDay,
} from '@lianxin/core';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { formatTrackingCode } from '../cases/cases.service.js';
import type { Actor } from '../../access/actor.js';
import { orgQueries } from '../org/org.repository.js';
import { coarse, presentBoardItem, presentTracked, publicTimeline } from './portal.presenter.js';
import { PORTAL_USER_ID, portalRepository as repo, type BoardFilter } from './portal.repository.js';

const PHOTO_TOKEN_HOURS = 24;
const ACCESS_TOKEN_DAYS = 730;
export const OTP_MINUTES = 10;
const OTP_MAX_ATTEMPTS = 5;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const MAP_LIMIT = 2000;
const DAY_MS = 86_400_000;

/** The portal acts through a system actor holding one grant: a role in `unit`, reaching its area. */
export function systemActor(grants: Actor['grants']): Actor {
  return { userId: PORTAL_USER_ID, username: '_portal', displayName: '网上群众工作平台', locale: 'zh-CN', grants, sessionId: '', csrfToken: '' };
}

/** [from, to) of a China-time month YYYY-MM. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfLocalDay(`${month}-01`).toISOString(), to: startOfLocalDay(next).toISOString() };
}

const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d{4}-\d{2}-\d{2}T/.test(at)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return { at, id };
};

/**
 * The residents' portal (SPEC §10): submission through the real cases service (channel online),
 * tracking by code and phone digits or a one-time SMS code, the anonymised public board and map,
 * monthly figures and the policy library.
 */
export function createPortalService(services: Services) {
  const { db, clock, cipher, cases, attachments, notifier } = services;
  let portalUserReady = false;
  /** An opaque public reference of a case on the board (not its id, not its tracking code). */
  const refOf = (id: string) => cipher.blindIndex(`board:${id}`).slice(0, 16);
  const nameOf = (enc: string | null) => (enc ? cipher.decrypt(enc) : null);

  async function ensurePortalUser() {
    if (portalUserReady) return;
    await repo.ensurePortalUser(db, clock.now().toISOString());
    portalUserReady = true;
  }

  function accessToken(caseId: string) {
    return cipher.sign({ k: 'track', c: caseId, e: clock.now().getTime() + ACCESS_TOKEN_DAYS * DAY_MS });
  }

  async function resolveArea(input: PublicCaseSubmit): Promise<string> {
    if (input.areaCode) {
      if (!(await orgQueries.findArea(db, input.areaCode))) throw new AppError(400, 'issue.invalid_area', {}, 'areaCode');
      return input.areaCode;
    }
    const village = await repo.nearestVillage(db, input.lat!, input.lng!);
    if (!village) throw new AppError(400, 'issue.location_required', {}, 'lat');
    return village.code;
  }

  function photoIds(tokens: string[]): string[] {
    return tokens.map((token) => {
      const payload = cipher.verify<{ k: string; a: string; e: number }>(token);
      if (!payload || payload.k !== 'photo' || payload.e < clock.now().getTime()) throw new AppError(400, 'error.validation', {}, 'photos');
      return payload.a;
    });
  }

  /** Everything the tracking page shows, for a case the caller has proved to be theirs. */
  async function tracked(caseId: string, locale: Locale) {
    const c = (await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst())!;
    const events = await repo.events(db, c.id);
    const dispatchedTo = events.filter((e) => e.action === 'dispatch' && e.data).map((e) => (JSON.parse(e.data!) as { unitId?: string }).unitId).filter((x): x is string => !!x);
    const unitIds = [...new Set([...dispatchedTo, ...(c.currentUnitId ? [c.currentUnitId] : [])])];
    const [units, areas, categories, staff, extension] = await Promise.all([
      repo.unitNames(db, unitIds),
      repo.areaNames(db, [c.areaCode]),
      repo.categoryNames(db, [c.categoryCode]),
      repo.staffNames(db, [c.id]),
      repo.approvedExtension(db, c.id),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const category = categories[0];
    return presentTracked(
      {
        c,
        names: [nameOf(c.requesterNameEnc), ...(staff.get(c.id) ?? [])].filter((n): n is string => !!n),
        timeline: publicTimeline(events, unitNames, locale),
        unitName: c.currentUnitId ? (unitNames.get(c.currentUnitId) ?? null) : null,
        areaName: areas[0]?.name ?? null,
        categoryName: category ? (locale === 'en-US' ? category.nameEn : category.name) : null,
        extension: extension ? { days: extension.days, reason: extension.reason } : null,
        notAcceptedReason: c.status === 'not_accepted' ? (events.filter((e) => e.action === 'not_accept').at(-1)?.note ?? null) : null,
        evaluationUrl: c.status === 'replied' ? cases.evaluationLink(c) : null,
        accessToken: accessToken(c.id),
      },
      locale,
    );
  }

  const trackFailed = () => new AppError(404, 'error.track_failed');
  const phoneOfCase = (c: { anonymous: number; requesterPhoneEnc: string | null }) => (c.anonymous || !c.requesterPhoneEnc ? null : cipher.decrypt(c.requesterPhoneEnc));
  const digits = (phone: string) => phone.replace(/\D/g, '');

  return {
    /** Checks, re-encodes (dropping EXIF, GPS included) and stores one photo; returns its upload token. */
    async uploadPhoto(data: Buffer) {
      if (data.length > PORTAL_PHOTO_MAX_MB * 1024 * 1024) throw new AppError(413, 'error.file_too_large', { max: PORTAL_PHOTO_MAX_MB }, 'file');
      const type = await fileTypeFromBuffer(data);
      if (!type || !PHOTO_TYPES.has(type.mime)) throw new AppError(415, 'error.file_type', { type: type?.mime ?? 'unknown' }, 'file');
      let jpeg: Buffer;
      try {
        jpeg = await sharp(data, { limitInputPixels: 50_000_000, failOn: 'error' })
          .rotate()
          .resize({ width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 82 })
          .toBuffer();
      } catch {
        throw new AppError(415, 'error.file_type', { type: type.mime }, 'file');
      }
      await ensurePortalUser();
      const stored = await attachments.upload(systemActor([]), { fileName: `photo-${clock.now().toISOString().slice(0, 10)}.jpg`, data: jpeg });
      const token = cipher.sign({ k: 'photo', a: stored.id, e: clock.now().getTime() + PHOTO_TOKEN_HOURS * 3_600_000 });
      return { token, size: stored.size, mimeType: stored.mimeType };
    },

    /**
     * Registers a resident's submission through the cases service (channel online). A filled
     * honeypot gets the same answer shape with a code that tracks nothing, and nothing is stored.
     */
    async submit(input: PublicCaseSubmit) {
      const now = clock.now();
      if (input.website && input.website.trim() !== '') {
        const fake = formatTrackingCode(localDate(now), randomInt(100, 999_999));
        return { stored: false, code: fake, status: 'registered', accessToken: cipher.sign({ k: 'none', e: now.getTime() }), smsSent: !input.anonymous };
      }
      const areaCode = await resolveArea(input);
      const unit = await repo.intakeUnit(db, areaCode);
      if (!unit) throw new AppError(400, 'issue.invalid_area', {}, 'areaCode');
      const attachmentIds = photoIds(input.photos);
      await ensurePortalUser();
      const description = input.description;
      const title = input.title ?? ([...description.replace(/\s+/g, ' ')].slice(0, 30).join('') + ([...description].length > 30 ? '…' : ''));
      const body: CaseCreate = {
        channel: 'online',
        kind: input.kind,
        categoryCode: input.categoryCode,
        title,
        content: description,
        requester: input.anonymous ? { anonymous: true } : { anonymous: false, name: input.name, phone: input.phone },
        peopleCount: 1,
        areaCode,
        address: input.address,
        lat: input.lat,
        lng: input.lng,
        urgency: 'normal',
        publicConsent: input.publicConsent,
        crossLevel: false,
        major: false,
        attachmentIds,
      };
      const actor = systemActor([{ role: 'registrar', unitId: unit.id, unitName: unit.name, areaCode: unit.areaCode }]);
      try {
        const c = await cases.register(actor, body);
        return { stored: true, code: c.code, status: c.status, accessToken: accessToken(c.id), smsSent: !!(input.phone && !input.anonymous) };
      } catch (error) {
        // The cases service names its own fields; the resident's form calls the photos `photos`.
        if (error instanceof AppError && error.field === 'attachmentIds') throw new AppError(error.status, error.code, error.params, 'photos');
        throw error;
      }
    },

    /** Tracking by code and the phone's last four digits. */
    async trackByPhone(code: string, last4: string, locale: Locale) {
      const c = await db.selectFrom('cases').select(['id', 'anonymous', 'requesterPhoneEnc']).where('code', '=', code).executeTakeFirst();
      const phone = c && phoneOfCase(c);
      if (!c || !phone || !digits(phone).endsWith(last4)) throw trackFailed();
      return tracked(c.id, locale);
    },

    /** Tracking by the access token returned at submission or after a verified code. */
    async trackByToken(token: string, locale: Locale) {
      const payload = cipher.verify<{ k: string; c: string; e: number }>(token);
      if (!payload || payload.k !== 'track' || payload.e < clock.now().getTime()) throw trackFailed();
      const exists = await db.selectFrom('cases').select('id').where('id', '=', payload.c).executeTakeFirst();
      if (!exists) throw trackFailed();
      return tracked(payload.c, locale);
    },

    /**
     * Sends a one-time code by SMS when the phone is the case's. The answer is the same either way,
     * so the endpoint tells nobody which codes and phones go together.
     */
    async requestOtp(code: string, phone: string) {
      const c = await db.selectFrom('cases').select(['id', 'anonymous', 'requesterPhoneEnc']).where('code', '=', code).executeTakeFirst();
      const stored = c && phoneOfCase(c);
      if (c && stored && digits(stored) === digits(phone)) {
        const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const now = clock.now();
        await db.transaction().execute(async (trx) => {
          await repo.insertOtp(trx, {
            id: randomUUID(),
            caseId: c.id,
            otpHash: cipher.blindIndex(`otp:${c.id}:${otp}`),
            createdAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString(),
          });
          await notifier.sms(trx, { phone: stored, caseId: c.id }, 'sms.otp', { otp, minutes: OTP_MINUTES });
        });
      }
      return { sent: true, expiresInMinutes: OTP_MINUTES };
    },

    /** Checks a one-time code (at most five tries per code) and opens the tracking page. */
    async verifyOtp(code: string, otp: string, locale: Locale) {
      const c = await db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirst();
      if (!c) throw trackFailed();
      const now = clock.now().toISOString();
      // Any live code of the case may be typed (a resident who asked twice may use either SMS); every
      // wrong guess costs each live code a try, so five guesses burn them all.
      const live = await repo.liveOtps(db, c.id, now, OTP_MAX_ATTEMPTS);
      const hash = cipher.blindIndex(`otp:${c.id}:${otp}`);
      const match = live.find((row) => row.otpHash === hash);
      if (!match) {
        for (const row of live) await repo.spendOtpAttempt(db, row.id, OTP_MAX_ATTEMPTS);
        throw trackFailed();
      }
      if (Number((await repo.useOtp(db, match.id, now)).numUpdatedRows) !== 1) throw trackFailed();
      return tracked(c.id, locale);
    },

    /** One page of the public board: consenting cases, anonymised, newest first. */
    async board(query: PublicBoardQuery, locale: Locale) {
      const filter: BoardFilter = { areaCode: query.areaCode, kind: query.kind, ...(query.month ? monthRange(query.month) : {}) };
      const rows = await repo.board(db, filter, query.cursor ? decodeCursor(query.cursor) : null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const unitIds = [...new Set(page.map((r) => r.currentUnitId ?? r.registeredUnitId))];
      const [units, areas, categories, staff] = await Promise.all([
        repo.unitNames(db, unitIds),
        repo.areaNames(db, [...new Set(page.map((r) => r.areaCode))]),
        repo.categoryNames(db, [...new Set(page.map((r) => r.categoryCode))]),
        repo.staffNames(db, page.map((r) => r.id)),
      ]);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const areaName = new Map(areas.map((a) => [a.code, a.name]));
      const categoryName = new Map(categories.map((c) => [c.code, locale === 'en-US' ? c.nameEn : c.name]));
      const last = page.at(-1);
      return {
        items: page.map((r) =>
          presentBoardItem(r, refOf(r.id), {
            names: [nameOf(r.requesterNameEnc), ...(staff.get(r.id) ?? [])].filter((n): n is string => !!n),
            unitName: unitName.get(r.currentUnitId ?? r.registeredUnitId) ?? null,
            areaName: areaName.get(r.areaCode) ?? null,
            categoryName: categoryName.get(r.categoryCode) ?? null,
          }, locale),
        ),
        nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.registeredAt}|${last.id}`).toString('base64url') : null,
      };
    },

    /** Points of the public map, rounded to about a kilometre. */
    async mapPoints(query: PublicMapQuery, locale: Locale) {
      const range = query.month ? monthRange(query.month) : { from: new Date(clock.now().getTime() - 90 * DAY_MS).toISOString() };
      const rows = await repo.mapPoints(db, { areaCode: query.areaCode, ...range }, MAP_LIMIT);
      return {
        points: rows.map((r) => ({ ref: refOf(r.id), lat: coarse(r.lat!), lng: coarse(r.lng!), kind: r.kind, status: r.status, statusLabel: label('state', r.status, locale) })),
        truncated: rows.length === MAP_LIMIT,
      };
    },

    /** What the submission form needs: kinds, the category tree, limits and the hotline. */
    async options(locale: Locale) {
      const categories = await repo.activeCategories(db);
      return {
        kinds: CASE_KINDS.map((code) => ({ code, label: label('kind', code, locale) })),
        categories: categories.map((c) => ({ code: c.code, parentCode: c.parentCode, name: locale === 'en-US' ? c.nameEn : c.name })),
        maxPhotos: PORTAL_MAX_PHOTOS,
        maxPhotoMb: PORTAL_PHOTO_MAX_MB,
        hotline: services.config.hotline,
      };
    },

    areas: (parentCode: string | undefined) => repo.children(db, parentCode ?? null),

    mapAreas: () => repo.mapAreas(db),

    /** The deployment's whole area tree as a read-only actor, for public aggregate figures. */
    async publicReader(): Promise<Actor> {
      const roots = await repo.rootAreas(db);
      return systemActor(roots.map((r) => ({ role: 'supervisor' as const, unitId: '', unitName: '', areaCode: r.code })));
    },

    /** A stable digest of the tracking code for per-code rate limits (codes never reach the limiter's keys in clear). */
    codeKey: (code: string) => createHash('sha256').update(code).digest('base64url').slice(0, 16),
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
