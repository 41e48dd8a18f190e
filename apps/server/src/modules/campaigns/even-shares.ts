import { type Grant, holds } from '@lianxin/core';

/** A campaign target in the order it is shared out (by area code, so neighbours are adjacent). */
export interface ShareTarget {
  householdId: string;
  areaCode: string;
}

/** A chosen cadre and their grants (in active units): they may visit where they hold `field.write`. */
export interface ShareCadre {
  id: string;
  grants: readonly Grant[];
}

interface Block {
  targets: readonly ShareTarget[];
  eligible: string[];
  counts: Map<string, number>;
}

/**
 * Shares targets evenly among cadres, each household only to a cadre who may visit it, and
 * neighbours together. Consecutive targets with the same eligible cadres form a block. Blocks with
 * the fewest eligible cadres are counted out first (they have the least choice), one household at a
 * time to whoever has the fewest so far; then each block is cut into one run per cadre.
 * Returns each cadre's households in the cadres' order, or the first target no cadre may visit.
 */
export function planEvenShares(targets: readonly ShareTarget[], cadres: readonly ShareCadre[]): { plan: Array<[string, string[]]> } | { unreachable: ShareTarget } {
  const eligibleFor = (t: ShareTarget) => cadres.filter((c) => holds(c.grants, 'field.write', t.areaCode)).map((c) => c.id);

  const blocks: Block[] = [];
  for (const target of targets) {
    const eligible = eligibleFor(target);
    if (eligible.length === 0) return { unreachable: target };
    const last = blocks.at(-1);
    if (last && last.eligible.join(',') === eligible.join(',')) (last.targets as ShareTarget[]).push(target);
    else blocks.push({ targets: [target], eligible, counts: new Map(eligible.map((id) => [id, 0])) });
  }

  const totals = new Map(cadres.map((c) => [c.id, 0]));
  for (const block of [...blocks].sort((a, b) => a.eligible.length - b.eligible.length)) {
    for (let n = 0; n < block.targets.length; n++) {
      const next = block.eligible.reduce((best, id) => (totals.get(id)! < totals.get(best)! ? id : best));
      totals.set(next, totals.get(next)! + 1);
      block.counts.set(next, block.counts.get(next)! + 1);
    }
  }

  const shares = new Map<string, string[]>(cadres.map((c) => [c.id, []]));
  for (const block of blocks) {
    let at = 0;
    for (const id of block.eligible) {
      const size = block.counts.get(id)!;
      shares.get(id)!.push(...block.targets.slice(at, at + size).map((t) => t.householdId));
      at += size;
    }
  }
  return { plan: [...shares] };
}
