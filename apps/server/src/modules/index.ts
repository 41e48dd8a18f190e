import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { areasRoutes } from './areas/areas.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { categoriesRoutes } from './categories/categories.routes.js';
import { timeLimitsRoutes } from './time-limits/time-limits.routes.js';
import { unitsRoutes } from './units/units.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { attachmentsRoutes } from './attachments/attachments.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { casesRoutes } from './cases/cases.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { policiesRoutes } from './policies/policies.routes.js';
import { householdsRoutes } from './households/households.routes.js';
import { mapRoutes } from './map/map.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { contactCardsRoutes } from './contact-cards/contact-cards.routes.js';
import { visitsRoutes } from './visits/visits.routes.js';
import { stationingRoutes } from './stationing/stationing.routes.js';
import { officeDaysRoutes } from './office-days/office-days.routes.js';
import { receptionRoutes } from './reception/reception.routes.js';
import { campaignsRoutes } from './campaigns/campaigns.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { siteRoutes } from './site/site.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { similarRoutes } from './similar/similar.routes.js';
import { suggestRoutes } from './suggest/suggest.routes.js';
import { testHooksRoutes } from './test-hooks/test-hooks.routes.js';
// — supervision —
import { supervisionRoutes } from './supervision/supervision.routes.js';
import { hardCasesRoutes } from './hard-cases/hard-cases.routes.js'; // — hard-cases —
// — accountability, bulletins —
import { accountabilityRoutes } from './accountability/accountability.routes.js';
import { bulletinsRoutes } from './bulletins/bulletins.routes.js';
import { dutyRoutes } from './duty/duty.routes.js'; // — duty, leave and attendance —

// — evaluation —
import { evaluationRoutes } from './evaluation/evaluation.routes.js';
import { awardsRoutes } from './awards/awards.routes.js';
import { mentoringRoutes } from './mentoring/mentoring.routes.js';
import { cadresRoutes } from './cadres/cadres.routes.js';
// — projects —
import { projectsRoutes } from './projects/projects.routes.js';
// — screens —
import { mapFeaturesRoutes } from './map-features/map-features.routes.js';
import { consultationsRoutes } from './consultations/consultations.routes.js'; // — consultations —
// — service centre —
import { serviceCentreRoutes } from './service-centre/service-centre.routes.js';

/** Registers every module's routes; a new module adds one line here. */
export async function registerModules(app: FastifyInstance, services: Services, config: Config): Promise<void> {
  app.decorate('idempotency', services.idempotency); // — offline: queued writes answer a retry with the first answer —
  await app.register(healthRoutes, { health: services.health });
  await app.register(siteRoutes, { config });
  await app.register(authRoutes, { auth: services.auth, secureCookies: config.secureCookies, signInsPerMinute: config.signInsPerMinute });
  await app.register(casesRoutes, { cases: services.cases });
  await app.register(areasRoutes, { areas: services.areas });
  await app.register(unitsRoutes, { units: services.units });
  await app.register(usersRoutes, { users: services.users });
  await app.register(categoriesRoutes, { categories: services.categories });
  await app.register(timeLimitsRoutes, { timeLimits: services.timeLimits });
  await app.register(calendarRoutes, { calendar: services.calendar });
  await app.register(auditRoutes, { auditReader: services.auditReader });
  await app.register(attachmentsRoutes, { attachments: services.attachments });
  await app.register(notificationsRoutes, { notifications: services.notifications, bus: services.noticeBus, heartbeatMs: config.noticeHeartbeatMs });
  await app.register(metricsRoutes, { metrics: services.metrics, resolutionLevels: services.resolutionLevels });
  await app.register(searchRoutes, { search: services.search });
  await app.register(similarRoutes, { similar: services.similar });
  await app.register(suggestRoutes, { suggest: services.suggest });
  await app.register(alertsRoutes, { alerts: services.alerts });
  await app.register(policiesRoutes, { policies: services.policies });
  await app.register(householdsRoutes, { households: services.households, records: services.householdRecords, ledger: services.householdLedger });
  await app.register(mapRoutes, { map: services.map });
  await app.register(portalRoutes, { portal: services.portal });
  await app.register(documentsRoutes, { documents: services.documents });
  await app.register(contactCardsRoutes, { contactCards: services.contactCards });
  await app.register(visitsRoutes, { visits: services.visits });
  await app.register(stationingRoutes, { stationing: services.stationing });
  await app.register(officeDaysRoutes, { officeDays: services.officeDays });
  await app.register(receptionRoutes, { reception: services.reception });
  await app.register(campaignsRoutes, { campaigns: services.campaigns });
  // — supervision —
  await app.register(supervisionRoutes, { supervision: services.supervision });
  // — hard-cases —
  await app.register(hardCasesRoutes, { hardCases: services.hardCases, meetings: services.hardCaseMeetings, taskForces: services.taskForces });
  // — accountability, bulletins —
  await app.register(accountabilityRoutes, { accountability: services.accountability });
  await app.register(bulletinsRoutes, { bulletins: services.bulletins });
  // — duty, leave and attendance —
  await app.register(dutyRoutes, { duty: services.duty, leave: services.leave, attendance: services.attendance });
  // — evaluation —
  await app.register(evaluationRoutes, { evaluation: services.evaluation, survey: services.survey });
  await app.register(awardsRoutes, { awards: services.awards });
  await app.register(mentoringRoutes, { mentoring: services.mentoring });
  await app.register(cadresRoutes, { cadres: services.cadres });
  // — projects —
  await app.register(projectsRoutes, { projects: services.projects, selection: services.selection, publicPages: services.projectsPublic, objections: services.selectionObjections });
  // — screens —
  await app.register(mapFeaturesRoutes, { mapFeatures: services.mapFeatures });
  // — consultations —
  await app.register(consultationsRoutes, {
    consultations: services.consultations,
    portal: services.consultationsPortal,
    records: services.consultationRecords,
    surveys: services.surveys,
    door: services.meetingDoor,
    verifier: services.residentVerifier,
    testHooks: config.enableTestHooks,
  });
  // — service centre —
  await app.register(serviceCentreRoutes, { serviceCentre: services.serviceCentre });
  if (config.enableTestHooks) await app.register(testHooksRoutes, { clock: services.clock });
}
