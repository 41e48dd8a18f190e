import type { CampaignTargetSchema, CampaignViewSchema, Contract, CoverageCountSchema, CoverageSchema } from '@lianxin/core';
import type { CampaignRow, CoverageRows, TargetRow } from './campaigns.repository.js';

const rate = (visited: number, total: number) => (total ? Math.round((visited / total) * 1000) / 1000 : null);

/** Targets and visited targets, with the rate. */
export const presentCount = (total: number, visited: number): Contract<typeof CoverageCountSchema> => ({ total, visited, rate: rate(visited, total) });

/** A campaign row → its response contract. */
export const presentCampaign = (c: CampaignRow): Contract<typeof CampaignViewSchema> => ({
  id: c.id,
  name: c.name,
  areaCode: c.areaCode,
  areaName: c.areaName,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  description: c.description,
  createdAt: c.createdAt,
});

/** The coverage counts per village and per cadre → the coverage contract. */
export function presentCoverage({ byVillage, byCadre, villageNames }: CoverageRows): Contract<typeof CoverageSchema> {
  const total = byVillage.reduce((n, v) => n + Number(v.total), 0);
  const visited = byVillage.reduce((n, v) => n + Number(v.visited ?? 0), 0);
  return {
    ...presentCount(total, visited),
    byVillage: byVillage.map((v) => ({ villageCode: v.villageCode, villageName: villageNames.get(v.villageCode) ?? null, ...presentCount(Number(v.total), Number(v.visited ?? 0)) })),
    byCadre: byCadre.map((c) => ({ cadre: c.cadreUserId ? { id: c.cadreUserId, name: c.cadreName } : null, ...presentCount(Number(c.total), Number(c.visited ?? 0)) })),
  };
}

/** A target household, its head's name masked as the registry stores it. */
export const presentTarget = (t: TargetRow): Contract<typeof CampaignTargetSchema> => ({
  household: { id: t.householdId, address: t.address, headName: t.headNameMasked, tags: t.tagCodes.split(',').filter(Boolean), areaCode: t.areaCode, areaName: t.areaName },
  cadre: t.cadreUserId ? { id: t.cadreUserId, name: t.cadreName } : null,
  visitedAt: t.visitedAt,
  visitId: t.visitId,
});
