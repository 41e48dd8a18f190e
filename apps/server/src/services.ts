import type { AdjustableClock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createAlertsRepository } from './modules/alerts/alerts.repository.js';
import { createAlertsService } from './modules/alerts/alerts.service.js';
import { createAttachmentsRepository } from './modules/attachments/attachments.repository.js';
import { createIdempotencyStore } from './http/idempotency.js'; // — offline —
import { createAttachmentsService } from './modules/attachments/attachments.service.js';
import { createAreasService } from './modules/areas/areas.service.js';
import { createAuditReader } from './modules/audit/audit.reader.js';
import { createAuditLog } from './modules/audit/audit.service.js';
import { createAuthRepository } from './modules/auth/auth.repository.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createCampaignsRepository } from './modules/campaigns/campaigns.repository.js';
import { createCampaignsService } from './modules/campaigns/campaigns.service.js';
import { createCalendarService } from './modules/calendar/calendar.service.js';
import { createCasesService } from './modules/cases/cases.service.js';
import { createCategoriesService } from './modules/categories/categories.service.js';
import { createContactCardsRepository } from './modules/contact-cards/contact-cards.repository.js';
import { createContactCardsService } from './modules/contact-cards/contact-cards.service.js';
import { createHouseholdLedger } from './modules/households/households.ledger.js';
import { createHouseholdRecords } from './modules/households/households.records.js';
import { createHouseholdsService } from './modules/households/households.service.js';
import { createMapService } from './modules/map/map.service.js';
import { createDocumentsRepository } from './modules/documents/documents.repository.js';
import { createDocumentsService } from './modules/documents/documents.service.js';
import { createHealthRepository } from './modules/health/health.repository.js';
import { createHealthService } from './modules/health/health.service.js';
import { createMetricsService } from './modules/metrics/metrics.service.js';
import { createOrgRepository } from './modules/org/org.repository.js';
import { createPoliciesService } from './modules/policies/policies.service.js';
import { createPortalRepository } from './modules/portal/portal.repository.js';
import { createPortalService } from './modules/portal/portal.service.js';
import { RedactionNames } from './modules/portal/redact-dictionary.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { createNotifier } from './modules/notifications/notifier.js';
// — notices —
import { createNoticeBus } from './modules/notifications/notice-bus.js';
import { localOutboxGateway, type SmsGateway } from './modules/notifications/sms-gateway.js';
import { createStationingRepository } from './modules/stationing/stationing.repository.js';
import { createStationingService } from './modules/stationing/stationing.service.js';
import { createOfficeDaysRepository } from './modules/office-days/office-days.repository.js';
import { createOfficeDaysService } from './modules/office-days/office-days.service.js';
import { createReceptionRepository } from './modules/reception/reception.repository.js';
import { createReceptionService } from './modules/reception/reception.service.js';
import { createSearchService } from './modules/search/search.service.js';
import { createSimilarService } from './modules/similar/similar.service.js';
import { createSuggestService } from './modules/suggest/suggest.service.js';
import { createDeadlines } from './modules/time-limits/deadlines.js';
import { createVisitsRepository } from './modules/visits/visits.repository.js';
import { createVisitsService } from './modules/visits/visits.service.js';
import { createTimeLimitsService } from './modules/time-limits/time-limits.service.js';
import { createUnitsService } from './modules/units/units.service.js';
import { createUsersService } from './modules/users/users.service.js';
import { createJobsService } from './jobs/jobs.service.js';
import { createTimeLimitSweep } from './jobs/time-limit-sweep.js';
import { JOB_RETRIES } from './jobs/queue.js'; // — several processes (issue 19) —
import { createCacheBus } from './cluster/cache-bus.js';
import { runHotspotScan } from './jobs/hotspot-scan.js';
import type { Cipher } from './security/cipher.js';
// — supervision —
import { createSupervisionService } from './modules/supervision/supervision.service.js';
// — limits and tracking (issue 12) —
import { createRateLimiter } from './http/rate-limit-store.js';
// — hard-cases —
import { createHardCasesService } from './modules/hard-cases/hard-cases.service.js';
import { createMeetingsService } from './modules/hard-cases/meetings.service.js';
import { createTaskForcesService } from './modules/hard-cases/task-forces.service.js';
// — accountability, bulletins, resolution levels —
import { createAccountabilityService } from './modules/accountability/accountability.service.js';
import { createBulletinsService } from './modules/bulletins/bulletins.service.js';
import { createResolutionLevels } from './modules/metrics/resolution-levels.service.js';
// — duty, leave and attendance —
import { createDutyService } from './modules/duty/duty.service.js';
import { createAttendanceService } from './modules/leave/attendance.service.js';
import { createLeaveService } from './modules/leave/leave.service.js';
// — evaluation —
import { createEvaluationService } from './modules/evaluation/evaluation.service.js';
import { createSurveyService } from './modules/evaluation/evaluation.survey.js';
import { createAwardsService } from './modules/awards/awards.service.js';
import { createMentoringService } from './modules/mentoring/mentoring.service.js';
import { createCadresService } from './modules/cadres/cadres.service.js';
// — projects —
import { createProjectsService } from './modules/projects/projects.service.js';
import { createSelectionService } from './modules/projects/selection.service.js';
import { createProjectsPublic } from './modules/projects/projects.public.js';
import { createSelectionObjections } from './modules/projects/selection.objections.js';
// — screens —
import { createMapFeaturesService } from './modules/map-features/map-features.service.js';
// — consultations —
import { createConsultationsPortal, createResidentVerifier } from './modules/consultations/consultations.portal.js';
import { createConsultationRecords } from './modules/consultations/consultations.records.js';
import { createConsultationsService } from './modules/consultations/consultations.service.js';
import { createSurveysService } from './modules/consultations/surveys.service.js';
import { consultationProjectSections } from './modules/consultations/consultations.project-sections.js';
import { createMeetingDoor } from './modules/consultations/consultations.door.js';
import { localDate } from '@lianxin/core';
// — service centre —
import { createServiceCentre } from './modules/service-centre/service-centre.service.js';

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
  // Heavy reads go to the replica when DATABASE_READ_URL names one (read-your-writes in db/replica.ts).
  const { reads } = database;
  const audit = createAuditLog({ db, clock, cipher, dataDir: config.dataDir });
  // — notices — live notices: an in-memory bus on SQLite, LISTEN/NOTIFY across processes on PostgreSQL
  const noticeBus = createNoticeBus({ dialect: database.dialect, url: database.url, schema: database.schema });
  const notifier = createNotifier({ clock, cipher, bus: noticeBus });
  // — several processes (issue 19) — caches dropped in every process through LISTEN/NOTIFY on PostgreSQL
  const cacheBus = createCacheBus({ dialect: database.dialect, url: database.url, schema: database.schema, db });
  const deadlines = createDeadlines(db, cacheBus);
  // — limits and tracking (issue 12): every rate limit counts in the database, shared by every process —
  const rateLimiter = createRateLimiter({ db, cipher, clock });
  const auth = createAuthService({ repo: createAuthRepository(db), clock, audit, notifier, rateLimiter });
  const suggest = createSuggestService({ db, clock, audit, bus: cacheBus });
  const cases = createCasesService({ db, reads, clock, cipher, notifier, deadlines, audit, suggest, publicBaseUrl: config.publicBaseUrl });
  const attachments = createAttachmentsService({ repo: createAttachmentsRepository(db), cases, clock, dataDir: config.dataDir, audit });
  const metrics = createMetricsService({ db, reads, dialect: database.dialect, clock, audit });
  const org = createOrgRepository(db);
  const alerts = createAlertsService({ alerts: createAlertsRepository(db), org, cases, audit, clock });
  const policies = createPoliciesService({ db, audit, clock });
  const portal = createPortalService({ repo: createPortalRepository(db), org, cases, attachments, metrics, policies, notifier, clock, cipher, hotline: config.hotline, names: new RedactionNames(db, cipher) });
  const visits = createVisitsService({ visits: createVisitsRepository(db), org, cases, audit, clock, dataDir: config.dataDir });
  const stationing = createStationingService({ stationing: createStationingRepository(db), org, audit, clock });
  const officeDays = createOfficeDaysService({ officeDays: createOfficeDaysRepository(db), org, audit, clock });
  const reception = createReceptionService({ reception: createReceptionRepository(db), org, cases, audit, cipher, clock });
  const campaigns = createCampaignsService({ campaigns: createCampaignsRepository(db), org, audit, clock });
  // Administration (SPEC §1): the organisation, the configuration, the audit log.
  const areas = createAreasService({ db, audit });
  const units = createUnitsService({ db, clock, audit });
  const users = createUsersService({ db, clock, cipher, audit });
  const categories = createCategoriesService({ db, audit, deadlines });
  const timeLimits = createTimeLimitsService({ db, audit, deadlines });
  const calendar = createCalendarService({ db, audit, deadlines });
  const auditReader = createAuditReader({ db, audit });
  const notifications = createNotificationsService({ db, cipher, bus: noticeBus, clock });
  const timeLimitSweep = createTimeLimitSweep({ db, dialect: database.dialect, notifier, cases, clock });
  const jobs = createJobsService({ sweep: () => timeLimitSweep.run(), scan: () => runHotspotScan({ db, notifier, clock }), audit, /* — several processes — */ db, runner: database.dialect === 'postgres' ? 'queue' : 'in_process', retries: JOB_RETRIES });
  const households = createHouseholdsService({ db, audit, clock, cipher });
  const householdRecords = createHouseholdRecords({ db, audit, clock, households });
  const householdLedger = createHouseholdLedger({ db, cipher, audit, clock, households });
  const map = createMapService({ db, reads, clock, tiles: { url: config.tileUrl, attribution: config.tileAttribution } });
  const contactCards = createContactCardsService({ repo: createContactCardsRepository(db), cipher, clock, audit, publicBaseUrl: config.publicBaseUrl, hotline: config.hotline });
  const health = createHealthService({ repo: createHealthRepository(db), dialect: database.dialect });
  const search = createSearchService({ db, reads, audit, clock, cipher });
  const similar = createSimilarService({ db, dialect: database.dialect, cipher, cases });
  const documents = createDocumentsService({ repo: createDocumentsRepository(db), cipher, cases, audit });
  // — supervision —
  const supervision = createSupervisionService({ db, clock, audit, notifier, cases });
  // — hard-cases —
  const hardCases = createHardCasesService({ db, clock, audit });
  const taskForces = createTaskForcesService({ db, clock, audit, notifier, cases });
  const hardCaseMeetings = createMeetingsService({ db, clock, audit, notifier, cases, taskForces });
  // — accountability, bulletins, resolution levels —
  const accountability = createAccountabilityService({ db, clock, audit, notifier });
  const resolutionLevels = createResolutionLevels({ db, clock });
  // — screens —
  const mapFeatures = createMapFeaturesService({ db, clock, audit });
  const bulletins = createBulletinsService({ db, reads, dialect: database.dialect, clock, audit, notifier, resolutionLevels });
  // — duty, leave and attendance —
  const duty = createDutyService({ db, clock, audit, notifier, deadlines, cases });
  const leave = createLeaveService({ db, clock, audit, notifier, deadlines, cases });
  const attendance = createAttendanceService({ db, clock, audit, deadlines });
  // — evaluation —
  const evaluation = createEvaluationService({ db, clock, audit, notifier });
  const survey = createSurveyService({ db, clock, cipher, notifier });
  const awards = createAwardsService({ db, clock, audit });
  const mentoring = createMentoringService({ db, clock, audit });
  const cadres = createCadresService({ db, clock, audit, evaluation });
  // — projects — its pages show the consultations of the project (the consultations module's view of them)
  const projects = createProjectsService({ db, clock, audit, cases, similar, sections: consultationProjectSections(() => localDate(clock.now())) });
  const selection = createSelectionService({ db, clock, audit, deadlines });
  // The 公示's objections verify residents with the consultations' verifier (SMS code against the registry).
  const residentVerifier = createResidentVerifier({ db, clock, cipher, notifier, recordCodes: config.enableTestHooks });
  const selectionObjections = createSelectionObjections({ db, clock, cipher, audit, notifier, verifier: residentVerifier });
  const projectsPublic = createProjectsPublic({ db, clock, audit, sections: projects.sections, objections: selectionObjections });
  // — consultations —
  const consultations = createConsultationsService({ db, clock, cipher, audit, notifier, publicBaseUrl: config.publicBaseUrl });
  const consultationsPortal = createConsultationsPortal({ db, clock, cipher, audit, verifier: residentVerifier, names: new RedactionNames(db, cipher) });
  const consultationRecords = createConsultationRecords({ db, audit, consultations, dataDir: config.dataDir, publicBaseUrl: config.publicBaseUrl });
  const surveys = createSurveysService({ db, clock, audit, verifier: residentVerifier, consultations, campaigns, publicBaseUrl: config.publicBaseUrl });
  const meetingDoor = createMeetingDoor({ db, clock, cipher, audit, verifier: residentVerifier, consultations, publicBaseUrl: config.publicBaseUrl });
  // — service centre —
  const serviceCentre = createServiceCentre({ db, clock, audit, notifier, cipher, deadlines, publicBaseUrl: config.publicBaseUrl, dataDir: config.dataDir, hotline: config.hotline });
  // — offline —
  const idempotency = createIdempotencyStore({ db, clock });
  return {
    db,
    dialect: database.dialect,
    config,
    clock,
    cipher,
    audit,
    notifier,
    noticeBus,
    cacheBus, // — several processes (issue 19) —
    deadlines,
    rateLimiter,
    auth,
    cases,
    attachments,
    metrics,
    alerts,
    policies,
    portal,
    visits,
    stationing,
    officeDays,
    reception,
    campaigns,
    areas,
    units,
    users,
    categories,
    timeLimits,
    calendar,
    auditReader,
    notifications,
    jobs,
    households,
    householdRecords,
    householdLedger,
    map,
    contactCards,
    health,
    search,
    similar,
    documents,
    suggest,
    // — supervision —
    supervision,
    smsGateway: smsGateway ?? localOutboxGateway,
    // — hard-cases —
    hardCases,
    taskForces,
    hardCaseMeetings,
    // — accountability, bulletins, resolution levels —
    accountability,
    resolutionLevels,
    bulletins,
    // — duty, leave and attendance —
    duty,
    leave,
    attendance,
    // — evaluation —
    evaluation,
    survey,
    awards,
    mentoring,
    cadres,
    // — projects —
    projects,
    selection,
    projectsPublic,
    selectionObjections,
    // — screens —
    mapFeatures,
    // — consultations —
    consultations,
    residentVerifier,
    consultationsPortal,
    consultationRecords,
    surveys,
    meetingDoor,
    // — service centre —
    serviceCentre,
    // — offline —
    idempotency,
  };
}
export type Services = ReturnType<typeof createServices>;
