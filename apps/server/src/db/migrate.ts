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
// — personal data in free text —
import * as personalText from './migrations/2026120604_personal_text.js';
import * as personalTextPending from './migrations/2026120605_personal_text_pending.js';
// — supervision —
import * as supervision from './migrations/2026120608_supervision.js';
import * as urgesInstructions from './migrations/2026120609_urges_instructions.js';
// — limits and tracking (issue 12) —
import * as rateLimits from './migrations/2026120602_rate_limits.js';
import * as trackingSecrets from './migrations/2026120603_tracking_secrets.js';
// — notices —
import * as noticeTargets from './migrations/2026120606_notice_targets.js';
import * as noticePreferences from './migrations/2026120607_notice_preferences.js';
import * as hardCases from './migrations/2026120610_hard_cases.js'; // — hard-cases —
// — accountability and bulletins —
import * as accountabilityDecisions from './migrations/2026120612_accountability_decisions.js';
import * as bulletins from './migrations/2026120613_bulletins.js';
// — duty, leave and attendance —
import * as dutyLeave from './migrations/2026120701_duty_leave.js';
// — evaluation —
import * as evaluation from './migrations/2026120711_evaluation.js';
import * as awardsMentoring from './migrations/2026120712_awards_mentoring.js';
// — projects —
import * as projects from './migrations/2026120731_projects.js';
// — screens —
// — suggestions (hot topics, keywords) —
import * as hotTopics from './migrations/2026120831_hot_topics.js';
import * as suggestKeywords from './migrations/2026120832_suggest_keywords.js';
import * as mapFeatures from './migrations/2026120751_map_features.js';
import * as idempotencyKeys from './migrations/2026120811_idempotency_keys.js'; // — offline —
// — several processes (issue 19) —
import * as jobDeadLetters from './migrations/2026120861_job_dead_letters.js';
import * as scaleReads from './migrations/2026120841_scale_reads.js';
import * as ledgerOpenCases from './migrations/2026120901_ledger_open_cases.js';
import * as searchWindows from './migrations/2026120921_search_windows.js';
// — consultations —
import * as consultations from './migrations/2026120721_consultations.js';
import * as surveys from './migrations/2026120722_surveys.js';
// — issue 15: door sign-in, selection objections —
import * as doorSignInObjections from './migrations/2026120801_door_sign_in_objections.js';
// — service centre —
import * as serviceCentre from './migrations/2026120741_service_centre.js';
// — metrics rollups —
import * as caseRollups from './migrations/2026120851_case_rollups.js';
import * as caseMapCells from './migrations/2026120911_case_map_cells.js';
import * as metricsOpenDue from './migrations/2026120912_metrics_open_due.js';

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
  // — personal data in free text —
  '2026120604_personal_text': personalText,
  '2026120605_personal_text_pending': personalTextPending,
  // — supervision —
  '2026120608_supervision': supervision,
  '2026120609_urges_instructions': urgesInstructions,
  // — limits and tracking (issue 12) —
  '2026120602_rate_limits': rateLimits,
  '2026120603_tracking_secrets': trackingSecrets,
  // — notices —
  '2026120606_notice_targets': noticeTargets,
  '2026120607_notice_preferences': noticePreferences,
  '2026120610_hard_cases': hardCases, // — hard-cases —
  // — accountability and bulletins —
  '2026120612_accountability_decisions': accountabilityDecisions,
  '2026120613_bulletins': bulletins,
  // — duty, leave and attendance —
  '2026120701_duty_leave': dutyLeave,
  // — evaluation —
  '2026120711_evaluation': evaluation,
  '2026120712_awards_mentoring': awardsMentoring,
  // — projects —
  '2026120731_projects': projects,
  // — screens —
  '2026120751_map_features': mapFeatures,
  '2026120811_idempotency_keys': idempotencyKeys, // — offline —
  '2026120841_scale_reads': scaleReads,
  '2026120901_ledger_open_cases': ledgerOpenCases,
  '2026120921_search_windows': searchWindows,
  // — consultations —
  '2026120721_consultations': consultations,
  '2026120722_surveys': surveys,
  // — service centre —
  '2026120741_service_centre': serviceCentre,
  // — issue 15: door sign-in, selection objections —
  '2026120801_door_sign_in_objections': doorSignInObjections,
  // — metrics rollups —
  '2026120851_case_rollups': caseRollups,
  '2026120911_case_map_cells': caseMapCells, // — case map tiles —
  '2026120912_metrics_open_due': metricsOpenDue,
  // — several processes (issue 19) —
  '2026120861_job_dead_letters': jobDeadLetters,
  // — suggestions (hot topics, keywords) —
  '2026120831_hot_topics': hotTopics,
  '2026120832_suggest_keywords': suggestKeywords,
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
