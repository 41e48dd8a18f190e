import type { AdjustableClock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createAlertsRepository } from './modules/alerts/alerts.repository.js';
import { createAlertsService } from './modules/alerts/alerts.service.js';
import { createAttachmentsService } from './modules/attachments/attachments.service.js';
import { createAuditLog } from './modules/audit/audit.service.js';
import { createAuthRepository } from './modules/auth/auth.repository.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createCasesService } from './modules/cases/cases.service.js';
import { createMetricsService } from './modules/metrics/metrics.service.js';
import { createOrgRepository } from './modules/org/org.repository.js';
import { createNotifier } from './modules/notifications/notifier.js';
import { localOutboxGateway, type SmsGateway } from './modules/notifications/sms-gateway.js';
import { createSuggestService } from './modules/suggest/suggest.service.js';
import { createDeadlines } from './modules/time-limits/deadlines.js';
import type { Cipher } from './security/cipher.js';

export interface ServiceDeps {
  database: Database;
  config: Config;
  cipher: Cipher;
  clock: AdjustableClock;
  smsGateway?: SmsGateway;
}

/** Wires every service by hand: each gets exactly the dependencies it names. */
export function createServices({ database, config, cipher, clock, smsGateway }: ServiceDeps) {
  const { db } = database;
  const audit = createAuditLog({ db, clock });
  const notifier = createNotifier({ clock, cipher });
  const deadlines = createDeadlines(db);
  const auth = createAuthService({ repo: createAuthRepository(db), clock, audit });
  const suggest = createSuggestService({ db });
  const cases = createCasesService({ db, clock, cipher, notifier, deadlines, audit, suggest, publicBaseUrl: config.publicBaseUrl });
  const attachments = createAttachmentsService({ db, clock, dataDir: config.dataDir, audit });
  const metrics = createMetricsService({ db, dialect: database.dialect, clock, audit });
  const org = createOrgRepository(db);
  const alerts = createAlertsService({ alerts: createAlertsRepository(db), org, cases, audit, clock });
  return { db, dialect: database.dialect, config, clock, cipher, audit, notifier, deadlines, auth, cases, attachments, metrics, alerts, suggest, smsGateway: smsGateway ?? localOutboxGateway };
}
export type Services = ReturnType<typeof createServices>;
