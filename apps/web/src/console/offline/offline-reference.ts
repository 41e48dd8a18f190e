import { type Grant, isInSubtree, localDate, reachOf } from '@lianxin/core';
import { call } from '../../api/client';
import { offlineDb, type OfflineCampaign, type OfflineHousehold } from './offline-db';

/** At most this many households of a cadre's villages are kept on the phone. */
const MAX_HOUSEHOLDS = 3000;
const PAGE = 200;

export interface ReferenceInfo {
  refreshedAt: string | null;
  households: number;
  campaigns: number;
}

/**
 * Keeps the cadre's reference data on the phone for offline reading: the households of the areas
 * they may work in (masked, as the API answers them), the campaigns reaching them with their
 * target households, and the lists the visit form needs (areas, categories, campaigns), which pass
 * through the service worker's cache by their exact URLs.
 */
export async function refreshReference(me: { userId: string; roles: readonly Grant[] }): Promise<ReferenceInfo> {
  const areas = reachOf(me.roles as Grant[], 'field.write');
  // The visit form's own requests, so that the service worker keeps their answers.
  await Promise.all([
    call('GET /api/auth/me'),
    call('GET /api/areas', { query: { format: 'tree' } }),
    call('GET /api/categories'),
    call('GET /api/campaigns', { query: { limit: 100 } }),
    // Where a cadre of a township's unit is stationed today (the visit form starts there).
    call('GET /api/stationing/assignments', { query: { activeOn: localDate(new Date()), limit: 500 } }).catch(() => undefined),
  ]);

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

  const db = await offlineDb();
  const tx = db.transaction(['households', 'campaigns', 'meta'], 'readwrite');
  const oldHouseholds = await tx.objectStore('households').index('byUser').getAllKeys(me.userId);
  const oldCampaigns = await tx.objectStore('campaigns').index('byUser').getAllKeys(me.userId);
  await Promise.all(oldHouseholds.map((k) => tx.objectStore('households').delete(k)));
  await Promise.all(oldCampaigns.map((k) => tx.objectStore('campaigns').delete(k)));
  await Promise.all(households.map((h) => tx.objectStore('households').put(h)));
  await Promise.all(campaigns.map((c) => tx.objectStore('campaigns').put(c)));
  const info: ReferenceInfo = { refreshedAt: new Date().toISOString(), households: households.length, campaigns: campaigns.length };
  await tx.objectStore('meta').put({ key: `reference:${me.userId}`, value: info });
  await tx.done;
  return info;
}

/** When the reference data was last kept, and how much. */
export async function referenceInfo(userId: string): Promise<ReferenceInfo> {
  const row = await (await offlineDb()).get('meta', `reference:${userId}`);
  return (row?.value as ReferenceInfo | undefined) ?? { refreshedAt: null, households: 0, campaigns: 0 };
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
