import { adminEndpoints } from './admin.js';
// — accountability, bulletins, resolution levels —
import { accountabilityEndpoints } from './accountability.js';
import { bulletinsEndpoints } from './bulletins.js';
import { resolutionLevelsEndpoints } from './resolution-levels.js';
import { alertsEndpoints } from './alerts.js';
import { attachmentsEndpoints } from './attachments.js';
import { authEndpoints } from './auth.js';
import { campaignsEndpoints } from './campaigns.js';
import { casesEndpoints } from './case.js';
import { documentsEndpoints } from './documents.js';
import { hardCasesEndpoints } from './hard-cases.js'; // — hard-cases —
import { officeDaysEndpoints, receptionEndpoints } from './field-days.js';
import { stationingEndpoints, visitsEndpoints } from './field-work.js';
import { householdsEndpoints } from './households.js';
import { mapEndpoints } from './map.js';
import { metricsEndpoints } from './metrics.js';
import { notificationsEndpoints } from './notifications.js';
import { policiesEndpoints } from './policies.js';
import { portalEndpoints } from './portal.js';
import { searchEndpoints } from './search.js';
import { similarEndpoints } from './similar.js';
import { suggestEndpoints } from './suggest.js';
import { systemEndpoints } from './system.js';
// — supervision —
import { supervisionEndpoints } from './supervision.js';
import { dutyEndpoints } from './duty.js'; // — duty, leave and attendance —
// — evaluation —
import { evaluationEndpoints } from './evaluation.js';
import { awardsEndpoints } from './awards.js';
import { mentoringEndpoints } from './mentoring.js';
import { cadresEndpoints } from './cadres.js';
// — projects —
import { projectsEndpoints } from './projects.js';
// — screens —
import { mapFeaturesEndpoints } from './map-features.js';
// — consultations —
import { consultationsEndpoints } from './consultations.js';
import { surveysEndpoints } from './surveys.js';
// — service centre —
import { serviceCentreEndpoints } from './service-centre.js';
// — several processes (issue 19) —
import { jobsEndpoints } from './jobs.js';

/**
 * Every operation of the API, by `METHOD /path`: the one table the server registers its routes
 * from and the web's API client is typed from.
 */
export const API = {
  ...adminEndpoints,
  ...alertsEndpoints,
  ...attachmentsEndpoints,
  ...authEndpoints,
  ...campaignsEndpoints,
  ...casesEndpoints,
  ...documentsEndpoints,
  ...hardCasesEndpoints, // — hard-cases —
  ...householdsEndpoints,
  ...mapEndpoints,
  ...metricsEndpoints,
  ...notificationsEndpoints,
  ...officeDaysEndpoints,
  ...policiesEndpoints,
  ...portalEndpoints,
  ...receptionEndpoints,
  ...searchEndpoints,
  ...similarEndpoints,
  ...stationingEndpoints,
  ...suggestEndpoints,
  ...systemEndpoints,
  ...visitsEndpoints,
  // — supervision —
  ...supervisionEndpoints,
  // — accountability, bulletins, resolution levels —
  ...accountabilityEndpoints,
  ...bulletinsEndpoints,
  ...resolutionLevelsEndpoints,
  // — duty, leave and attendance —
  ...dutyEndpoints,
  // — evaluation —
  ...evaluationEndpoints,
  ...awardsEndpoints,
  ...mentoringEndpoints,
  ...cadresEndpoints,
  // — projects —
  ...projectsEndpoints,
  // — screens —
  ...mapFeaturesEndpoints,
  // — consultations —
  ...consultationsEndpoints,
  ...surveysEndpoints,
  // — service centre —
  ...serviceCentreEndpoints,
  // — several processes (issue 19) —
  ...jobsEndpoints,
};
export type Api = typeof API;
