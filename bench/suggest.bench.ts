import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClock } from '../apps/server/src/clock.js';
import { createDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedDemo } from '../apps/server/src/db/seed/demo.js';
import { ensureReferenceData } from '../apps/server/src/db/seed/reference.js';
import type { Actor } from '../apps/server/src/access/actor.js';
import { createSuggestService } from '../apps/server/src/modules/suggest/suggest.service.js';
import { createCipher, loadMasterKey } from '../apps/server/src/security/cipher.js';

/**
 * tsx bench/suggest.bench.ts — seeds the demo county (BENCH_CASES cases, default the demo's own
 * number), then times a retrain of the suggestion models and the latency of one suggestion.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-suggest-'));
const admin: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', locale: 'zh-CN', sessionId: '', csrfToken: '', grants: [{ role: 'admin', unitId: 'x', unitName: 'x', areaCode: '360000000000' }] };
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const database = createDatabase({ url: join(dataDir, 'lianxin.sqlite') });
  await migrateToLatest(database.db);
  await ensureReferenceData(database.db);
  const caseCount = process.env.BENCH_CASES ? Number(process.env.BENCH_CASES) : undefined;
  const seeded = await seedDemo({ db: database.db, cipher: createCipher(loadMasterKey(dataDir)), clock: createClock(), ...(caseCount ? { caseCount } : {}) });
  console.log(`demo: ${seeded.cases} cases seeded in ${seeded.seconds.toFixed(1)} s`);
  const suggest = createSuggestService({ db: database.db });
  const trained = await suggest.retrain(admin);
  console.log(`retrain: ${trained.cases} handled cases in ${trained.seconds.toFixed(3)} s`);
  const texts = await database.db.selectFrom('cases').select(['title', 'content']).limit(500).execute();
  const times: number[] = [];
  for (const t of texts) {
    const started = performance.now();
    await suggest.suggest(admin, t);
    times.push(performance.now() - started);
  }
  console.log(`suggest: ${times.length} calls, p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms (service, in process)`);
  await database.close();
}

main().finally(() => rmSync(dataDir, { recursive: true, force: true }));
