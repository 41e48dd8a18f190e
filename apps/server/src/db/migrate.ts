import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as initial from './migrations/2026112101_initial.js';
import * as admin from './migrations/2026112102_admin.js';
import * as inboxIndexes from './migrations/2026112103_inbox_indexes.js';
import * as search from './migrations/2026112104_search.js';
import * as alerts from './migrations/2026112106_alerts.js';
import * as policies from './migrations/2026112107_policies.js';
import * as households from './migrations/2026112108_households.js';
import * as fieldWork from './migrations/2026112109_field_work.js';
import * as portal from './migrations/2026112110_portal.js';
import * as searchSpeed from './migrations/2026112111_search_speed.js';
import * as caseListSort from './migrations/2026112113_case_list_sort.js';
import * as signInLockout from './migrations/2026112114_sign_in_lockout.js';
import * as outboxSecret from './migrations/2026112116_outbox_secret.js';
// — accountability and bulletins (h7) —
import * as accountabilityDecisions from './migrations/2026120612_accountability_decisions.js';
import * as bulletins from './migrations/2026120613_bulletins.js';

/** Migrations are listed here, in order, so they work the same from source, tests and bundles. */
const MIGRATIONS: Record<string, Migration> = {
  '2026112101_initial': initial,
  '2026112102_admin': admin,
  '2026112103_inbox_indexes': inboxIndexes,
  '2026112104_search': search,
  '2026112106_alerts': alerts,
  '2026112107_policies': policies,
  '2026112108_households': households,
  '2026112109_field_work': fieldWork,
  '2026112110_portal': portal,
  '2026112111_search_speed': searchSpeed,
  '2026112113_case_list_sort': caseListSort,
  '2026112114_sign_in_lockout': signInLockout,
  '2026112116_outbox_secret': outboxSecret,
  // — accountability and bulletins (h7) —
  '2026120612_accountability_decisions': accountabilityDecisions,
  '2026120613_bulletins': bulletins,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  // With a schema named, Kysely looks for its own tables there rather than in any schema.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
