import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type HouseholdListQuery, maskName } from '@lianxin/core';
import { sql } from 'kysely';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { createAuditLog, ensureCounters } from '../apps/server/src/modules/audit/audit.service.js';
import type { Actor } from '../apps/server/src/access/actor.js';
import { tagText } from '../apps/server/src/modules/households/households.presenter.js';
import { HOUSEHOLD_CHANGE_COUNTER } from '../apps/server/src/modules/households/households.repository.js';
import { createHouseholdsService } from '../apps/server/src/modules/households/households.service.js';
import { createMapService } from '../apps/server/src/modules/map/map.service.js';
import { createCipher } from '../apps/server/src/security/cipher.js';

/**
 * npm run bench:households — the village map at county scale (issue 5): BENCH_HOUSEHOLDS
 * households (default 100,000) in 20 townships × 10 villages of one county, loaded into a fresh
 * SQLite file under /tmp by batched inserts; then the latency of GET /api/map/households' service
 * call over random viewports at several zooms (target p95 < 50 ms), of the registry list, and of
 * the map catching up after a write. Prints JSON.
 */
const COUNT = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const VIEWPORTS = Number(process.env.BENCH_VIEWPORTS ?? 300);
const TAGS = ['dibao', 'tekun', 'disabled', 'elderly_alone', 'left_behind_child', 'veteran', 'key_person', 'party_member'];
const COUNTY = '369901000000';
const CENTRE = { lat: 27.8, lng: 115.9 };
// The county spans about 0.5° × 0.4° (≈ 50 × 45 km).
const SPAN = { lat: 0.4, lng: 0.5 };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (n: number) => Math.round(n * 100) / 100;
const stats = (xs: number[]) => ({ n: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });

async function timed(n: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

/** Width in degrees of a 1280-pixel-wide viewport at a zoom (256-pixel tiles). */
const viewportWidth = (zoom: number) => (360 / 2 ** zoom) * (1280 / 256);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-households-'));
  const database = createDatabase({ url: join(dir, 'bench.sqlite') });
  const { db } = database;
  const cipher = createCipher(Buffer.alloc(32, 5));
  const clock = createClock(new Date('2026-11-21T08:00:00Z'), { frozen: true });
  try {
    await migrateToLatest(db);
    await ensureCounters(db);
    const nowIso = clock.now().toISOString();

    // The county: 20 townships of 10 villages, villages scattered over the county's extent.
    const areas: { code: string; parentCode: string | null; name: string; level: string; lat: number | null; lng: number | null }[] = [
      { code: '360000000000', parentCode: null, name: '江西省', level: 'province', lat: null, lng: null },
      { code: '369900000000', parentCode: '360000000000', name: '云州市', level: 'city', lat: null, lng: null },
      { code: COUNTY, parentCode: '369900000000', name: '青溪县', level: 'county', lat: CENTRE.lat, lng: CENTRE.lng },
    ];
    const villages: { code: string; lat: number; lng: number }[] = [];
    for (let t = 0; t < 20; t++) {
      const town = `369901${String(100 + t).padStart(3, '0')}000`;
      const tLat = CENTRE.lat + (Math.random() - 0.5) * SPAN.lat * 0.8;
      const tLng = CENTRE.lng + (Math.random() - 0.5) * SPAN.lng * 0.8;
      areas.push({ code: town, parentCode: COUNTY, name: `乡镇${t + 1}`, level: 'township', lat: tLat, lng: tLng });
      for (let v = 0; v < 10; v++) {
        const village = { code: `${town.slice(0, 9)}${String(200 + v)}`, lat: tLat + (Math.random() - 0.5) * 0.08, lng: tLng + (Math.random() - 0.5) * 0.1 };
        villages.push(village);
        areas.push({ parentCode: town, name: `村${t + 1}-${v + 1}`, level: 'village', ...village });
      }
    }
    await db.insertInto('areas').values(areas).execute();

    // Households: batched inserts in one transaction; head names encrypted as in production.
    const loadStarted = performance.now();
    await db.transaction().execute(async (trx) => {
      const batch: Record<string, unknown>[] = [];
      const tagRows: { householdId: string; tagCode: string }[] = [];
      const flush = async () => {
        if (batch.length) await trx.insertInto('households').values(batch as never).execute();
        if (tagRows.length) await trx.insertInto('householdTags').values(tagRows).execute();
        batch.length = 0;
        tagRows.length = 0;
      };
      for (let i = 0; i < COUNT; i++) {
        const village = villages[i % villages.length];
        const id = randomUUID();
        const tags = TAGS.filter((_, k) => Math.random() < (k === 0 ? 0.12 : 0.05));
        const head = `测试户主${i}`;
        batch.push({
          id,
          areaCode: village.code,
          address: `${i % 60}组${i}号`,
          lat: village.lat + (Math.random() - 0.5) * 0.012,
          lng: village.lng + (Math.random() - 0.5) * 0.012,
          headNameEnc: cipher.encrypt(head),
          headNameMasked: maskName(head),
          contactUserId: null,
          tagCodes: tagText(tags),
          memberCount: 1 + (i % 5),
          needs: null,
          notes: null,
          archivedAt: null,
          createdBy: null,
          createdAt: nowIso,
          updatedAt: nowIso,
          changeSeq: i + 1,
        });
        for (const tagCode of tags) tagRows.push({ householdId: id, tagCode });
        // SQLite allows 32,766 bound values per statement: 17 columns × 1,000 rows stays under.
        if (batch.length === 1000) await flush();
      }
      await flush();
      await trx.updateTable('counters').set({ value: COUNT }).where('name', '=', HOUSEHOLD_CHANGE_COUNTER).execute();
    });
    await sql`analyze`.execute(db);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const actor: Actor = {
      userId: 'bench-leader',
      username: 'bench',
      displayName: '县领导',
      locale: 'zh-CN',
      grants: [{ role: 'leader', unitId: 'unit-center', unitName: '群众工作中心', areaCode: COUNTY }],
      sessionId: 's',
      csrfToken: 'c',
    };
    const map = createMapService({ db, clock });

    // The first query loads the index from the database.
    const coldStarted = performance.now();
    const whole = await map.households(actor, { bbox: [CENTRE.lng - 0.4, CENTRE.lat - 0.3, CENTRE.lng + 0.4, CENTRE.lat + 0.3], zoom: 10 });
    const coldMs = performance.now() - coldStarted;

    const viewportQuery = (zoom: number, tags?: string[]) => () => {
      const w = Math.min(viewportWidth(zoom), 2);
      const h = w * 0.6;
      const lng = CENTRE.lng + (Math.random() - 0.5) * SPAN.lng;
      const lat = CENTRE.lat + (Math.random() - 0.5) * SPAN.lat;
      return map.households(actor, { bbox: [lng - w / 2, lat - h / 2, lng + w / 2, lat + h / 2], zoom, tags });
    };
    const byZoom: Record<string, ReturnType<typeof stats> & { mode: string; meanTotal: number }> = {};
    for (const zoom of [10, 12, 14, 16, 18]) {
      let totals = 0;
      let mode = '';
      const q = viewportQuery(zoom);
      const times = await timed(VIEWPORTS, async () => {
        const answer = await q();
        totals += answer.total;
        mode = answer.mode;
      });
      byZoom[`zoom${zoom}`] = { ...stats(times), mode, meanTotal: Math.round(totals / VIEWPORTS) };
    }
    const tagFiltered = stats(await timed(VIEWPORTS, viewportQuery(12, ['dibao', 'elderly_alone'])));
    const townshipActor: Actor = { ...actor, grants: [{ role: 'stationed_cadre', unitId: 'u', unitName: 'u', areaCode: '369901105000' }] };
    const townshipScoped = stats(await timed(VIEWPORTS, () => map.households(townshipActor, { bbox: [CENTRE.lng - 0.4, CENTRE.lat - 0.3, CENTRE.lng + 0.4, CENTRE.lat + 0.3], zoom: 12 })));

    // For comparison: the same clustering as one SQL aggregate (what the index replaces).
    const cell = 360 / 2 ** 12 / 4;
    const sqlTimes = await timed(20, () =>
      sql`select cast((lng + 180) / ${cell} as integer) as cx, cast((lat + 90) / ${cell} as integer) as cy, count(*) as n, avg(lat), avg(lng)
          from households where archived_at is null and area_code >= ${'369901'} and area_code < ${'369902'}
          and lng between ${CENTRE.lng - 0.4} and ${CENTRE.lng + 0.4} and lat between ${CENTRE.lat - 0.3} and ${CENTRE.lat + 0.3} group by cx, cy`.execute(db),
    );

    // The registry list (keyset pages of 50) and the map catching up after a write.
    const households = createHouseholdsService({ db, audit: createAuditLog({ db, clock, cipher, dataDir: dir }), clock, cipher });
    const list = (q: Partial<HouseholdListQuery>) => () => households.list(actor, { limit: 50, tagMatch: 'any', includeArchived: false, ...q } as HouseholdListQuery);
    const firstPage = stats(await timed(100, list({})));
    const villageCode = villages[7].code;
    const villagePage = stats(await timed(100, list({ areaCode: villageCode })));
    const tagPage = stats(await timed(100, list({ tags: ['tekun'] })));
    const textPage = stats(await timed(30, list({ q: '17组' })));
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) cursor = (await households.list(actor, { limit: 50, tagMatch: 'any', includeArchived: false, cursor: cursor ?? undefined } as HouseholdListQuery)).nextCursor;
    const deepPage = stats(await timed(100, list({ cursor: cursor ?? undefined })));

    const ids = await db.selectFrom('households').select('id').limit(50).execute();
    const catchUp = stats(
      await timed(ids.length, async (i) => {
        await db.transaction().execute(async (trx) => {
          const seq = await trx.updateTable('counters').set((eb) => ({ value: eb('value', '+', 1) })).where('name', '=', HOUSEHOLD_CHANGE_COUNTER).returning('value').executeTakeFirstOrThrow();
          await trx.updateTable('households').set({ tagCodes: ',tekun,', changeSeq: seq.value }).where('id', '=', ids[i].id).execute();
        });
        await map.households(actor, { bbox: [CENTRE.lng - 0.4, CENTRE.lat - 0.3, CENTRE.lng + 0.4, CENTRE.lat + 0.3], zoom: 10 });
      }),
    );

    console.log(
      JSON.stringify(
        {
          households: COUNT,
          villages: villages.length,
          loadSeconds: round(loadSeconds),
          map: {
            coldIndexLoadMs: round(coldMs),
            wholeCountyTotal: whole.total,
            viewportMsByZoom: byZoom,
            tagFilteredZoom12Ms: tagFiltered,
            townshipScopedZoom12Ms: townshipScoped,
            sqlAggregateZoom12Ms: stats(sqlTimes),
            writeThenQueryMs: catchUp,
          },
          listMs: { firstPage, villagePage, tagPage, addressTextPage: textPage, page101: deepPage },
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
