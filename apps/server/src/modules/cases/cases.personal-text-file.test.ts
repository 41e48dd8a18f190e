import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { createDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { ensureReferenceData } from '../../db/seed/reference.js';
import { createCipher } from '../../security/cipher.js';
import { signInClient, TEST_START } from '../../test/context.js';
import { caseInput, createFixtureOrg } from '../../test/fixtures.js';

const PHONE = '13812345678';
const ID_NUMBER = '36010219900101123X';

/**
 * The promise in its plainest form: register a case whose content holds a phone and an ID number
 * on a SQLite database in a file, then read the file (and its WAL) byte by byte — neither appears.
 */
describe.skipIf(Boolean(process.env.DATABASE_URL))('the SQLite file after a case with personal data in its content', () => {
  it('holds the phone and the ID number nowhere in clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-file-'));
    const file = join(dir, 'lianxin.db');
    const database = createDatabase({ url: file });
    try {
      await migrateToLatest(database.db);
      await ensureReferenceData(database.db);
      const clock = createClock(TEST_START, { frozen: true });
      const org = await createFixtureOrg(database.db, clock.now());
      const config = { ...loadConfig({}), dataDir: dir, publicBaseUrl: 'http://lianxin.test', runJobs: false };
      const app = await buildApp({ database, config, cipher: createCipher(Buffer.alloc(32, 7)), clock, strictResponses: true });
      await app.ready();
      const registrar = await signInClient(app, database, clock, org.users.registrar);
      const content = `我叫王小明，电话${PHONE}，身份证${ID_NUMBER}，楼下饭店油烟扰民。`;
      const created = await registrar.post('/api/cases', caseInput({ title: `油烟扰民 ${PHONE}`, content }));
      expect(created.statusCode, created.body).toBe(201);
      await app.close();

      const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
      expect(bytes).toContain('138****5678');
      expect(bytes).not.toContain(PHONE);
      expect(bytes).not.toContain(ID_NUMBER);
      expect(bytes).not.toContain('19900101123');
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
