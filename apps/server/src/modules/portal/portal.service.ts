import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type CaseCreate,
  type Evaluation,
  type Locale,
  localDate,
  PORTAL_MAX_PHOTOS,
  PORTAL_PHOTO_MAX_MB,
  type PublicBoardQuery,
  type PublicCaseSubmit,
  type PublicMapQuery,
  type PublicMetricsQuery,
  type PublicPolicyQuery,
  startOfLocalDay,
} from '@lianxin/core';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { assertImageSize, MAX_IMAGE_MEGAPIXELS } from '../attachments/image-limits.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AttachmentsService } from '../attachments/attachments.service.js';
import { type CasesService, formatTrackingCode } from '../cases/cases.service.js';
import { newTrackingSecret, normalizeTrackingSecret, trackingSecretHash } from '../cases/cases.tracking-secret.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { OrgRepository } from '../org/org.repository.js';
import type { PoliciesService } from '../policies/policies.service.js';
import {
  presentBoardItem,
  presentEvaluationView,
  presentMapArea,
  presentMapPoint,
  presentOptions,
  presentPolicy,
  presentPolicyItem,
  presentTracked,
  presentUnitRates,
  publicTimeline,
} from './portal.presenter.js';
import { type BoardFilter, PORTAL_USER_ID, type PortalRepository } from './portal.repository.js';
import type { NameDictionary } from './name-dictionary.js';

const PHOTO_TOKEN_HOURS = 24;
const ACCESS_TOKEN_DAYS = 730;
export const OTP_MINUTES = 10;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const MAP_LIMIT = 2000;
const DAY_MS = 86_400_000;

/** The portal acts through a system actor holding one grant: a role in `unit`, reaching its area. */
export function systemActor(grants: Actor['grants']): Actor {
  return { userId: PORTAL_USER_ID, username: '_portal', displayName: '网上群众工作平台', locale: 'zh-CN', grants, sessionId: '', csrfToken: '' };
}

/** [from, to) of a China-time month YYYY-MM. */
function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfLocalDay(`${month}-01`).toISOString(), to: startOfLocalDay(next).toISOString() };
}

const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d{4}-\d{2}-\d{2}T/.test(at)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return { at, id };
};

/** The month before the one `now` falls in (China time), YYYY-MM. */
function previousMonth(now: Date): string {
  const [y, m] = localDate(now).slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface PortalDeps {
  repo: PortalRepository;
  org: Pick<OrgRepository, 'findArea'>;
  cases: Pick<CasesService, 'register' | 'evaluationLink' | 'caseForToken' | 'tokenCase' | 'evaluateByToken'>;
  attachments: Pick<AttachmentsService, 'upload'>;
  metrics: Pick<MetricsService, 'report'>;
  policies: Pick<PoliciesService, 'list' | 'get'>;
  notifier: Pick<Notifier, 'sms'>;
  clock: Clock;
  cipher: Cipher;
  /** The public hotline shown on the form. */
  hotline: string;
  /** Every staff and household member's name, for the redactor (`RedactionNames`). */
  names: { current(): Promise<NameDictionary> };
}

/**
 * The residents' portal (SPEC §10): submission through the real cases service (channel online),
 * tracking by code and phone digits or a one-time SMS code, the anonymised public board and map,
 * monthly figures, the policy library and the evaluation link. Residents have no account: every
 * method is public, and what proves a claim to a case is a code with phone digits, a one-time
 * code or a signed token. Where the portal acts in the cases, metrics or policies module it does
 * so as a system actor whose grants those modules check. Tracking needs a real secret: the 查询码
 * given with the code, a one-time SMS code, or a signed token.
 */
export function createPortalService({ repo, org, cases, attachments, metrics, policies, notifier, clock, cipher, hotline, names: knownNames }: PortalDeps) {
  let portalUserReady = false;
  /** An opaque public reference of a case on the board (not its id, not its tracking code). */
  const refOf = (id: string) => cipher.blindIndex(`board:${id}`).slice(0, 16);
  const nameOf = (enc: string | null) => (enc ? cipher.decrypt(enc) : null);

  async function ensurePortalUser() {
    if (portalUserReady) return;
    await repo.ensurePortalUser(clock.now().toISOString());
    portalUserReady = true;
  }

  function accessToken(caseId: string) {
    return cipher.sign({ k: 'track', c: caseId, e: clock.now().getTime() + ACCESS_TOKEN_DAYS * DAY_MS });
  }

  async function resolveArea(input: PublicCaseSubmit): Promise<string> {
    if (input.areaCode) {
      if (!(await org.findArea(input.areaCode))) throw new AppError(400, 'issue.invalid_area', {}, 'areaCode');
      return input.areaCode;
    }
    const village = await repo.nearestVillage(input.lat!, input.lng!);
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
    const c = (await repo.caseById(caseId))!;
    const events = await repo.events(c.id);
    const dispatchedTo = events.filter((e) => e.action === 'dispatch' && e.data).map((e) => (JSON.parse(e.data!) as { unitId?: string }).unitId).filter((x): x is string => !!x);
    const unitIds = [...new Set([...dispatchedTo, ...(c.currentUnitId ? [c.currentUnitId] : [])])];
    const [units, areas, categories, staff, extension, dictionary] = await Promise.all([
      repo.unitNames(unitIds),
      repo.areaNames([c.areaCode]),
      repo.categoryNames([c.categoryCode]),
      repo.staffNames([c.id]),
      repo.approvedExtension(c.id),
      knownNames.current(),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const category = categories[0];
    return presentTracked(
      {
        c,
        names: [nameOf(c.requesterNameEnc), ...(staff.get(c.id) ?? [])].filter((n): n is string => !!n),
        dictionary,
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

  /** The names the anonymiser removes from a case's texts: the requester's and the staff's who acted. */
  async function namesOf(c: Pick<CaseRow, 'id' | 'requesterNameEnc'>): Promise<string[]> {
    const staff = (await repo.staffNames([c.id])).get(c.id) ?? [];
    return [nameOf(c.requesterNameEnc), ...staff].filter((n): n is string => !!n);
  }

  /** The deployment's whole area tree as a read-only actor, for public aggregate figures and the policy library. */
  async function publicReader(): Promise<Actor> {
    const roots = await repo.rootAreas();
    return systemActor(roots.map((r) => ({ role: 'supervisor' as const, unitId: '', unitName: '', areaCode: r.code })));
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
      await assertImageSize(data);
      let jpeg: Buffer;
      try {
        jpeg = await sharp(data, { limitInputPixels: MAX_IMAGE_MEGAPIXELS * 1_000_000, failOn: 'error' })
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
        return { stored: false, code: fake, status: 'registered', accessToken: cipher.sign({ k: 'none', e: now.getTime() }), secret: newTrackingSecret(), smsSent: !input.anonymous };
      }
      const areaCode = await resolveArea(input);
      const unit = await repo.intakeUnit(areaCode);
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
        return { stored: true, code: c.code, status: c.status, accessToken: accessToken(c.id), secret: c.trackingSecret, smsSent: !!(input.phone && !input.anonymous) };
      } catch (error) {
        // The cases service names its own fields; the resident's form calls the photos `photos`.
        if (error instanceof AppError && error.field === 'attachmentIds') throw new AppError(error.status, error.code, error.params, 'photos');
        throw error;
      }
    },

    /**
     * Tracking by code and 查询码. The answer is the same 404 for an unknown code, a case without a
     * 查询码 and a wrong one; the route counts it as a failure of the caller's address.
     */
    async trackBySecret(code: string, typed: string, locale: Locale) {
      const c = await repo.caseByCode(code);
      const stored = c ? await repo.trackingSecretHash(c.id) : undefined;
      const secret = normalizeTrackingSecret(typed);
      const given = c && secret ? trackingSecretHash(cipher, c.id, secret) : '';
      if (!c || !stored || !secret || given.length !== stored.length || !timingSafeEqual(Buffer.from(given), Buffer.from(stored))) throw trackFailed();
      return tracked(c.id, locale);
    },

    /** Tracking by the access token returned at submission or after a verified code. */
    async trackByToken(token: string, locale: Locale) {
      const payload = cipher.verify<{ k: string; c: string; e: number }>(token);
      if (!payload || payload.k !== 'track' || payload.e < clock.now().getTime()) throw trackFailed();
      if (!(await repo.caseExists(payload.c))) throw trackFailed();
      return tracked(payload.c, locale);
    },

    /**
     * Sends a one-time code by SMS when the phone is the case's. The answer is the same either way,
     * so the endpoint tells nobody which codes and phones go together.
     */
    async requestOtp(code: string, phone: string) {
      const c = await repo.caseByCode(code);
      const stored = c && phoneOfCase(c);
      if (c && stored && digits(stored) === digits(phone)) {
        const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString();
        await repo.saveOtp(
          { id: randomUUID(), caseId: c.id, otpHash: cipher.blindIndex(`otp:${c.id}:${otp}`), createdAt: now.toISOString(), expiresAt },
          // The outbox keeps the message with the code masked; only the gateway gets it in clear.
          (trx) => notifier.sms(trx, { phone: stored, caseId: c.id }, 'sms.otp', { otp, minutes: OTP_MINUTES }, { secret: { key: 'otp', expiresAt } }),
        );
      }
      return { sent: true, expiresInMinutes: OTP_MINUTES };
    },

    /**
     * Checks a one-time code and opens the tracking page. Wrong guesses are counted per address and
     * per (code, address) by the route, never against the code itself: a guesser cannot burn the
     * resident's SMS code.
     */
    async verifyOtp(code: string, otp: string, locale: Locale) {
      const c = await repo.caseByCode(code);
      if (!c) throw trackFailed();
      const now = clock.now().toISOString();
      // Any live code of the case may be typed (a resident who asked twice may use either SMS).
      const live = await repo.liveOtps(c.id, now);
      const hash = cipher.blindIndex(`otp:${c.id}:${otp}`);
      const match = live.find((row) => row.otpHash === hash);
      if (!match) throw trackFailed();
      if (Number((await repo.useOtp(match.id, now)).numUpdatedRows) !== 1) throw trackFailed();
      return tracked(c.id, locale);
    },

    /** One page of the public board: consenting cases, anonymised, newest first. */
    async board(query: PublicBoardQuery, locale: Locale) {
      const filter: BoardFilter = { areaCode: query.areaCode, kind: query.kind, categoryCode: query.categoryCode, ...(query.month ? monthRange(query.month) : {}) };
      const rows = await repo.board(filter, query.cursor ? decodeCursor(query.cursor) : null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const unitIds = [...new Set(page.map((r) => r.currentUnitId ?? r.registeredUnitId))];
      const [units, areas, categories, staff, dictionary] = await Promise.all([
        repo.unitNames(unitIds),
        repo.areaNames([...new Set(page.map((r) => r.areaCode))]),
        repo.categoryNames([...new Set(page.map((r) => r.categoryCode))]),
        repo.staffNames(page.map((r) => r.id)),
        knownNames.current(),
      ]);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const areaName = new Map(areas.map((a) => [a.code, a.name]));
      const categoryName = new Map(categories.map((c) => [c.code, locale === 'en-US' ? c.nameEn : c.name]));
      const last = page.at(-1);
      return {
        items: page.map((r) =>
          presentBoardItem(r, refOf(r.id), {
            names: [nameOf(r.requesterNameEnc), ...(staff.get(r.id) ?? [])].filter((n): n is string => !!n),
            dictionary,
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
      const rows = await repo.mapPoints({ areaCode: query.areaCode, ...range }, MAP_LIMIT);
      return { points: rows.map((r) => presentMapPoint(r, refOf(r.id), locale)), truncated: rows.length === MAP_LIMIT };
    },

    /** What the submission form needs: kinds, the category tree, limits and the hotline. */
    async options(locale: Locale) {
      return presentOptions(await repo.activeCategories(), { maxPhotos: PORTAL_MAX_PHOTOS, maxPhotoMb: PORTAL_PHOTO_MAX_MB, hotline }, locale);
    },

    /** The children of an area (the top of the deployment without a parent), for the area picker. */
    async areas(parentCode: string | undefined) {
      return { items: await repo.children(parentCode ?? null) };
    },

    /** Centroids and outlines for the maps drawn without a tile service. */
    async mapAreas() {
      return { items: (await repo.mapAreas()).map(presentMapArea) };
    },

    /** The monthly 三率 by unit: the month asked for, by default the previous one. */
    async monthlyRates(query: PublicMetricsQuery, locale: Locale) {
      const month = query.month ?? previousMonth(clock.now());
      const report = await metrics.report(await publicReader(), { groupBy: 'unit', ...monthRange(month) }, locale);
      return { month, units: report.groups.map(presentUnitRates), total: presentUnitRates(report.total) };
    },

    /** Published policies (never standard answers), with search. */
    async policies(query: PublicPolicyQuery) {
      const page = await policies.list(await publicReader(), { q: query.q, kind: 'policy', cursor: query.cursor, limit: query.limit });
      return { items: page.items.map((p) => presentPolicyItem(p, p.snippet)), nextCursor: page.nextCursor };
    },

    /** One published policy; a standard answer or a withdrawn policy is not found. */
    async policy(id: string) {
      const row = await policies.get(await publicReader(), id);
      if (row.kind !== 'policy' || !row.isActive) throw notFound();
      return presentPolicy(row);
    },

    /** The case behind an evaluation link, anonymised. */
    async evaluationView(token: string, locale: Locale) {
      const { c, rated } = await cases.tokenCase(token);
      return presentEvaluationView(c, await namesOf(c), locale, await knownNames.current(), rated);
    },

    /** The resident's rating through the evaluation link; a dissatisfied one reopens the case. */
    async evaluate(token: string, evaluation: Evaluation, locale: Locale) {
      const c = await cases.evaluateByToken(token, evaluation);
      return presentEvaluationView(c, await namesOf(c), locale, await knownNames.current(), true);
    },

    /** A stable digest of the tracking code for per-code rate limits (codes never reach the limiter's keys in clear). */
    codeKey: (code: string) => createHash('sha256').update(code).digest('base64url').slice(0, 16),
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
