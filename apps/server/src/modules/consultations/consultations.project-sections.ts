import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ProjectSections } from '../projects/projects.service.js';
import { listConsultationsForProject } from './consultations.repository.js';

/**
 * What a project's pages show of its consultations: every consultation on the console's project
 * page, and on the portal only the published decisions (the decision page answers each opinion).
 * The state is the consultation's own code (open / closed / decided), named by its labels.
 */
export function consultationProjectSections(today: () => string): ProjectSections {
  return {
    async consultations(db: Kysely<DB>, projectId: string) {
      const rows = await listConsultationsForProject(db, projectId);
      return rows.map((c) => ({ id: c.id, title: c.title, state: c.decided ? 'decided' : c.closesOn < today() ? 'closed' : 'open', at: c.decidedAt ?? c.createdAt }));
    },
    async decisions(db: Kysely<DB>, projectIds: string[]) {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('consultations')
        .select(['id', 'title', 'decidedAt'])
        .where('projectId', 'in', projectIds)
        .where('decidedAt', 'is not', null)
        .orderBy('decidedAt', 'desc')
        .execute();
      return rows.map((c) => ({ id: c.id, title: c.title, state: 'decided', at: c.decidedAt }));
    },
  };
}
