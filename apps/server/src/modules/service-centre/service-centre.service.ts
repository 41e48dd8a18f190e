import { createServiceApplications, type ServiceCentreDeps } from './service-centre.applications.js';
import { createServiceCatalogue } from './service-centre.catalogue.js';
import { createServiceCommittee } from './service-centre.committee.js';
import { createServiceFigures } from './service-centre.figures.js';
import { createServicePublicity } from './service-centre.publicity.js';

/** 便民服务中心 (SPEC §6): the catalogue, applications, the committee, the 公示 and the figures. */
export function createServiceCentre(deps: ServiceCentreDeps & { hotline: string }) {
  const catalogue = createServiceCatalogue(deps);
  const applications = createServiceApplications(deps);
  const committee = createServiceCommittee(deps, applications);
  const publicity = createServicePublicity(deps, applications);
  const figures = createServiceFigures(deps);
  return { catalogue, applications, committee, publicity, figures, sweep: applications.sweep };
}
export type ServiceCentre = ReturnType<typeof createServiceCentre>;
