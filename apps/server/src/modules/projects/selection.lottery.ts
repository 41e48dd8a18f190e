import { createHash } from 'node:crypto';
import { LOTTERY_ALGORITHM } from '@lianxin/core';

/**
 * The selection lottery (摇号), reproducible by anyone from the published seed and the published
 * list of registration numbers. Algorithm `sha256-rank-v1`: for each household, compute
 * SHA-256 of the UTF-8 text `<seed>:<number>` (number in decimal, no padding) as lowercase hex;
 * the household with the smallest hash chooses first; equal hashes (never seen in practice) fall
 * back to the smaller number. No state, no floating point: a spreadsheet or a one-line script can
 * check the order, e.g. `printf '%s' 'seed:7' | sha256sum`.
 */
export const lotteryKey = (seed: string, number: number): string => createHash('sha256').update(`${seed}:${number}`, 'utf8').digest('hex');

/** The registration numbers in drawn order. */
export function drawOrder(seed: string, numbers: readonly number[]): number[] {
  return numbers
    .map((n) => ({ n, key: lotteryKey(seed, n) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.n - b.n))
    .map((x) => x.n);
}

export { LOTTERY_ALGORITHM };
