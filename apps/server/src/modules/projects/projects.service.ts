import { randomUUID } from 'node:crypto';
import { type DisclosureCreate, type DisclosureKind, holds, isInSubtree, type ProjectCreate, type ProjectLink, type ProjectListQuery } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan, narrowRanges, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { ProjectRow } from '../../db/projects.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { SimilarService } from '../similar/similar.service.js';
import { projectsRepository as repo } from './projects.repository.js';
import { selectionSummary } from './selection.presenter.js';

/**
 * What other modules add to a project's pages. The consultations module (built in parallel) fills
 * these after merge, in services.ts; until then the sections are empty and the pages show nothing.
 */
export interface ProjectSections {
  /** The project's consultations (their tables carry a nullable `project_id`). */
  consultations(db: Kysely<DB>, projectId: string): Promise<ProjectLink[]>;
  /** Published decisions with their feedback, for the public pages of these projects. */
  decisions(db: Kysely<DB>, projectIds: string[]): Promise<ProjectLink[]>;
}

export const NO_SECTIONS: ProjectSections = { consultations: async () => [], decisions: async () => [] };

export interface ProjectsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  cases: Pick<CasesService, 'visibleCase'>;
  similar: Pick<SimilarService, 'forDraft'>;
  sections?: ProjectSections;
}

type Q = Kysely<DB> | Transaction<DB>;

/** The project, if the actor reads projects over its area (403 out of scope, 404 unknown). */
export async function visibleProject(q: Q, actor: Actor, id: string): Promise<ProjectRow> {
  rangesFor(actor, 'project.read');
  const p = await repo.findProject(q, id);
  if (!p) throw notFound();
  if (!holds(actor.grants, 'project.read', p.areaCode)) throw outOfScope();
  return p;
}

/** 重点项目: the project, its households, disclosures, linked cases and visits. */
export function createProjectsService({ db, clock, audit, cases, similar, sections = NO_SECTIONS }: ProjectsDeps) {
  const nowIso = () => clock.now().toISOString();

  async function detailOf(q: Q, actor: Actor, p: ProjectRow) {
    const [households, disclosures, linked, visits, names, summary] = await Promise.all([
      repo.householdsOf(q, p.id),
      repo.disclosuresOf(q, [p.id], false),
      repo.casesOf(q, p.id),
      repo.visitsOf(q, p.id),
      repo.names(q, [p.areaCode], [p.leadUnitId]),
      selectionSummary(q, p),
    ]);
    const consultations = await sections.consultations(q, p.id);
    return {
      id: p.id,
      name: p.name,
      areaCode: p.areaCode,
      areaName: names.area.get(p.areaCode) ?? p.areaCode,
      leadUnitId: p.leadUnitId,
      leadUnitName: names.unit.get(p.leadUnitId) ?? p.leadUnitId,
      orderRule: p.orderRule as 'lottery' | 'published',
      householdCount: households.length,
      createdAt: p.createdAt,
      description: p.description,
      households: households.map((h) => ({ ...h, memberCount: Number(h.memberCount) })),
      disclosures: disclosures.map(presentDisclosure),
      selection: summary,
      cases: linked,
      visits,
      consultations,
      may: { manage: holds(actor.grants, 'project.manage', p.areaCode), desk: holds(actor.grants, 'selection.desk', p.areaCode) },
    };
  }

  /** Loads the project for a change by a manager, in the transaction. */
  async function managed(trx: Q, actor: Actor, id: string) {
    const p = await visibleProject(trx, actor, id);
    assertCan(actor, 'project.manage', p);
    return p;
  }

  async function chooseHouseholds(q: Q, p: { areaCode: string }, pick: { areaCode?: string; tags?: string[]; ids?: string[] }) {
    if (pick.areaCode && !isInSubtree(pick.areaCode, p.areaCode)) throw new AppError(400, 'error.out_of_scope', {}, 'households.areaCode');
    const rows = await repo.chooseHouseholds(q, p.areaCode, pick);
    if (pick.ids?.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = pick.ids.find((id) => !found.has(id));
      if (missing) throw new AppError(400, 'error.project_household', { householdId: missing }, 'households.ids');
    }
    return rows.map((r) => r.id);
  }

  return {
    detailOf,

    async list(actor: Actor, query: ProjectListQuery) {
      const ranges = narrowRanges(rangesFor(actor, 'project.read'), query.areaCode);
      const rows = await repo.listProjects(db, ranges, query.offset, query.limit);
      const page = rows.slice(0, query.limit);
      const counts = await repo.householdCounts(db, page.map((p) => p.id));
      const names = await repo.names(db, page.map((p) => p.areaCode), page.map((p) => p.leadUnitId));
      return {
        items: page.map((p) => ({
            id: p.id,
            name: p.name,
            areaCode: p.areaCode,
            areaName: names.area.get(p.areaCode) ?? p.areaCode,
            leadUnitId: p.leadUnitId,
            leadUnitName: names.unit.get(p.leadUnitId) ?? p.leadUnitId,
            orderRule: p.orderRule as 'lottery' | 'published',
            householdCount: counts.get(p.id) ?? 0,
            createdAt: p.createdAt,
        })),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    async create(actor: Actor, body: ProjectCreate) {
      assertCan(actor, 'project.manage', { areaCode: body.areaCode });
      return db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('areas').select('code').where('code', '=', body.areaCode).executeTakeFirst())) throw unknownReference('areaCode', 'area');
        if (!(await trx.selectFrom('units').select('id').where('id', '=', body.leadUnitId).executeTakeFirst())) throw unknownReference('leadUnitId', 'unit');
        const at = nowIso();
        const p: ProjectRow = {
          id: randomUUID(),
          name: body.name,
          areaCode: body.areaCode,
          leadUnitId: body.leadUnitId,
          description: body.description || null,
          orderRule: body.orderRule,
          lotterySeed: null,
          lotteryAlgorithm: null,
          drawnAt: null,
          drawnBy: null,
          resultsPublishedAt: null,
          objectionUntil: null,
          createdBy: actor.userId,
          createdAt: at,
        };
        await trx.insertInto('projects').values(p).execute();
        if (body.households) await repo.addHouseholds(trx, p.id, await chooseHouseholds(trx, p, body.households), at);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'project', subjectId: p.id, detail: { name: p.name, areaCode: p.areaCode } }, trx);
        return detailOf(trx, actor, p);
      });
    },

    detail: async (actor: Actor, id: string) => detailOf(db, actor, await visibleProject(db, actor, id)),

    async addHouseholds(actor: Actor, id: string, pick: { areaCode?: string; tags?: string[]; ids?: string[] }) {
      return db.transaction().execute(async (trx) => {
        const p = await managed(trx, actor, id);
        const ids = await chooseHouseholds(trx, p, pick);
        await repo.addHouseholds(trx, p.id, ids, nowIso());
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'project', subjectId: p.id, detail: { householdsAdded: ids.length } }, trx);
        return detailOf(trx, actor, p);
      });
    },

    async disclose(actor: Actor, id: string, body: DisclosureCreate) {
      return db.transaction().execute(async (trx) => {
        const p = await managed(trx, actor, id);
        const did = randomUUID();
        await trx
          .insertInto('projectDisclosures')
          .values({ id: did, projectId: p.id, kind: body.kind, title: body.title, body: body.body, isPublic: body.isPublic ? 1 : 0, publishedAt: nowIso(), createdBy: actor.userId })
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'project_disclosure', subjectId: did, detail: { projectId: p.id, kind: body.kind, isPublic: body.isPublic } }, trx);
        return detailOf(trx, actor, p);
      });
    },

    /** Links a case the actor can see to the project (once). */
    async linkCase(actor: Actor, id: string, caseId: string) {
      const c = await cases.visibleCase(actor, caseId).catch((e: unknown) => {
        if (e instanceof AppError && e.status === 404) throw unknownReference('caseId', 'case');
        throw e;
      });
      return db.transaction().execute(async (trx) => {
        const p = await visibleProject(trx, actor, id);
        const exists = await trx.selectFrom('projectCases').select('caseId').where('projectId', '=', p.id).where('caseId', '=', c.id).executeTakeFirst();
        if (!exists) {
          await trx.insertInto('projectCases').values({ projectId: p.id, caseId: c.id, linkedBy: actor.userId, linkedAt: nowIso() }).execute();
          await audit.append({ actorUserId: actor.userId, action: 'link', subjectType: 'project', subjectId: p.id, detail: { caseId: c.id } }, trx);
        }
        return detailOf(trx, actor, p);
      });
    },

    /** Cases the similar-case engine finds like the project (name, description, policies), in the actor's scope. */
    async caseSuggestions(actor: Actor, id: string) {
      const p = await visibleProject(db, actor, id);
      const docs = await repo.disclosuresOf(db, [p.id], false);
      const content = [p.description ?? '', ...docs.slice(0, 3).map((d) => d.title)].join(' ').slice(0, 4000) || p.name;
      const { items } = await similar.forDraft(actor, { title: p.name, content, areaCode: p.areaCode } as never);
      const linked = new Set((await repo.casesOf(db, p.id)).map((c) => c.id));
      return { items: items.map((c) => ({ id: c.id, code: c.code, title: c.title, status: c.status, score: c.score, linked: linked.has(c.id) })) };
    },

    sections,
  };
}
export type ProjectsService = ReturnType<typeof createProjectsService>;

/** A disclosure as the API shows it. */
export const presentDisclosure = (d: { id: string; kind: string; title: string; body: string; isPublic: number; publishedAt: string }) => ({
  id: d.id,
  kind: d.kind as DisclosureKind,
  title: d.title,
  body: d.body,
  isPublic: d.isPublic === 1,
  publishedAt: d.publishedAt,
});
