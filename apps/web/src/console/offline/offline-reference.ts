import { type Grant, holds, isInSubtree, localDate, reachOf } from '@lianxin/core';
import { apiUrl, call } from '../../api/client';
import { activeLocale } from '../../i18n/i18n';
import { API_CACHE, OFFLINE_PREPARED } from '../../shared/register-sw';
import { targetQuery } from '../campaigns/campaign-logic';
import { hasRole } from '../shell/session';
import { diaryPeriod } from '../visits/visit-logic';
import { offlineDb, type OfflineCampaign, type OfflineHousehold, type OfflineSurvey } from './offline-db';
import { surveysReaching } from './offline-logic';
import { listQueue } from './offline-queue';

/** At most this many households of a cadre's villages are kept on the phone. */
const MAX_HOUSEHOLDS = 3000;
const PAGE = 200;

export interface ReferenceInfo {
  refreshedAt: string | null;
  households: number;
  campaigns: number;
  surveys?: number;
}

/**
 * Keeps the cadre's reference data on the phone for offline reading: the households of the areas
 * they may work in (masked, as the API answers them), the campaigns reaching them with their
 * target households, the open surveys reaching them (to answer with a household on a visit), and
 * the answers the visit form, the diary and the campaign pages ask for (areas, categories,
 * campaigns, this week's diary, each campaign's targets), put in the service worker's cache by
 * their exact URLs, so those pages open without signal although the cadre never opened them.
 */
export async function refreshReference(me: { userId: string; roles: readonly Grant[] }): Promise<ReferenceInfo> {
  const areas = reachOf(me.roles as Grant[], 'field.write');

  const households: OfflineHousehold[] = [];
  for (const areaCode of areas) {
    let cursor: string | undefined;
    do {
      const page = await call('GET /api/households', { query: { areaCode, limit: PAGE, cursor } });
      households.push(...page.items.map((h) => ({ id: h.id, userId: me.userId, address: h.address, headName: h.headName, areaCode: h.areaCode, tags: h.tags })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && households.length < MAX_HOUSEHOLDS);
  }

  const today = localDate(new Date());
  const running = (await call('GET /api/campaigns', { query: { limit: 100 } })).items.filter((c) => c.endsOn >= today && areas.some((a) => isInSubtree(a, c.areaCode) || isInSubtree(c.areaCode, a)));
  const campaigns: OfflineCampaign[] = [];
  for (const c of running) {
    const targets = await call('GET /api/campaigns/:id/targets', { params: { id: c.id }, query: { limit: 200 } });
    campaigns.push({
      id: c.id,
      userId: me.userId,
      name: c.name,
      areaCode: c.areaCode,
      targets: targets.items.map((t) => ({ householdId: t.household.id, address: t.household.address, headName: t.household.headName, areaName: t.household.areaName, visitedAt: t.visitedAt, cadreName: t.cadre?.name ?? null })),
    });
  }

  // Open surveys over the cadre's areas (the list names no questions or tags: each one's detail does).
  const surveys: OfflineSurvey[] = [];
  if (holds(me.roles as Grant[], 'consultation.record')) {
    const listed = (await call('GET /api/surveys', { query: { limit: 100 } })).items.filter((s) => s.opensOn <= today && today <= s.closesOn && areas.some((a) => isInSubtree(a, s.areaCode) || isInSubtree(s.areaCode, a)));
    for (const s of listed) {
      const d = await call('GET /api/surveys/:id', { params: { id: s.id } });
      surveys.push({ id: d.id, userId: me.userId, title: d.title, areaCode: d.areaCode, tags: d.tags, opensOn: d.opensOn, closesOn: d.closesOn, questions: d.questions });
    }
  }

  await keepPageAnswers(me, running);

  const db = await offlineDb();
  const tx = db.transaction(['households', 'campaigns', 'surveys', 'meta'], 'readwrite');
  for (const store of ['households', 'campaigns', 'surveys'] as const) {
    const old = await tx.objectStore(store).index('byUser').getAllKeys(me.userId);
    await Promise.all(old.map((k) => tx.objectStore(store).delete(k)));
  }
  await Promise.all(households.map((h) => tx.objectStore('households').put(h)));
  await Promise.all(campaigns.map((c) => tx.objectStore('campaigns').put(c)));
  await Promise.all(surveys.map((s) => tx.objectStore('surveys').put(s)));
  const info: ReferenceInfo = { refreshedAt: new Date().toISOString(), households: households.length, campaigns: campaigns.length, surveys: surveys.length };
  await tx.objectStore('meta').put({ key: `reference:${me.userId}`, value: info });
  await tx.done;
  return info;
}

/** Tells an open reference card that the data was kept again (by itself, after signing in). */
export const referenceEvents = new EventTarget();

/** When the reference data was last kept, and how much. */
export async function referenceInfo(userId: string): Promise<ReferenceInfo> {
  const row = await (await offlineDb()).get('meta', `reference:${userId}`);
  return (row?.value as ReferenceInfo | undefined) ?? { refreshedAt: null, households: 0, campaigns: 0 };
}

/** A household kept on the phone, by id (a visit preset by a link without signal). */
export async function offlineHousehold(userId: string, id: string): Promise<OfflineHousehold | null> {
  const h = await (await offlineDb()).get('households', id);
  return h && h.userId === userId ? h : null;
}

/** Households kept on the phone in `areaCode`'s subtree whose address or head matches `q` (offline lookup). */
export async function searchOfflineHouseholds(userId: string, areaCode: string | undefined, q: string, limit = 30): Promise<OfflineHousehold[]> {
  const all = await (await offlineDb()).getAllFromIndex('households', 'byUser', userId);
  const text = q.trim();
  return all
    .filter((h) => (!areaCode || isInSubtree(h.areaCode, areaCode)) && (!text || h.address.includes(text) || h.headName.includes(text)))
    .sort((a, b) => a.address.localeCompare(b.address, 'zh-CN'))
    .slice(0, limit);
}

/** The campaigns kept on the phone, with their targets. */
export async function offlineCampaigns(userId: string): Promise<OfflineCampaign[]> {
  return (await offlineDb()).getAllFromIndex('campaigns', 'byUser', userId);
}

/**
 * Puts the answers the diary and campaign pages ask for when they open (by their exact URLs, as the
 * pages build them) into the service worker's API cache, which answers them without signal.
 */
async function keepPageAnswers(me: { userId: string; roles: readonly Grant[] }, campaigns: ReadonlyArray<{ id: string; areaCode: string }>): Promise<void> {
  if (!('caches' in window)) return;
  const today = localDate(new Date());
  const week = diaryPeriod(new URLSearchParams(), today);
  const cadreOnly = hasRole(me, 'stationed_cadre');
  const urls = [
    // The shell's and the visit form's own requests.
    apiUrl('GET /api/auth/me'),
    apiUrl('GET /api/areas', { query: { format: 'tree' } }),
    apiUrl('GET /api/categories'),
    apiUrl('GET /api/campaigns', { query: { limit: 100 } }),
    // Where a cadre of a township's unit is stationed today (the visit form starts there; others may not read it).
    apiUrl('GET /api/stationing/assignments', { query: { activeOn: today, limit: 500 } }),
    // The diary (this week) and the campaign pages as a cadre opens them.
    apiUrl('GET /api/diary', { query: { week: week.label } }),
    apiUrl('GET /api/campaigns', { query: { limit: 20, offset: 0 } }),
    apiUrl('GET /api/tags'),
    ...campaigns.flatMap((c) => {
      const own = cadreOnly && !holds(me.roles as Grant[], 'field.manage', c.areaCode);
      return [apiUrl('GET /api/campaigns/:id', { params: { id: c.id } }), apiUrl('GET /api/campaigns/:id/targets', { params: { id: c.id }, query: targetQuery({ cadre: own ? me.userId : undefined, visited: 'all', offset: 0 }) })];
    }),
  ];
  const cache = await caches.open(API_CACHE);
  await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin', headers: { 'x-lianxin-locale': activeLocale() } });
      if (response.ok) await cache.put(url, response);
    }),
  );
}

/** The kept surveys household `householdId` may answer on a visit without signal (see surveysReaching). */
export async function offlinePendingSurveys(userId: string, householdId: string): Promise<OfflineSurvey[]> {
  const db = await offlineDb();
  const household = await db.get('households', householdId);
  if (!household || household.userId !== userId) return [];
  const [surveys, queue] = await Promise.all([db.getAllFromIndex('surveys', 'byUser', userId), listQueue(userId)]);
  return surveysReaching(surveys, household, localDate(new Date()), queue);
}

/**
 * Keeps the reference data on the phone by itself once a field cadre is signed in with signal (once
 * per sign-in in this tab: signing out forgets it with the cached answers), so the first time
 * without signal finds the households, campaign targets, surveys, diary and campaign pages there.
 */
export async function prepareOffline(me: { userId: string; roles: readonly Grant[] }): Promise<ReferenceInfo | null> {
  if (!navigator.onLine || sessionStorage.getItem(OFFLINE_PREPARED) === me.userId) return null;
  const info = await refreshReference(me);
  sessionStorage.setItem(OFFLINE_PREPARED, me.userId);
  referenceEvents.dispatchEvent(new Event('change'));
  return info;
}
