import { performance } from 'node:perf_hooks';

// What the two knowledge benches (SQLite: knowledge.bench.ts, PostgreSQL: knowledge-pg.bench.ts)
// measure alike: the same query words, the same timing loop and the same figures.

/**
 * Two-character words: those of the generated cases' templates (each in ~1/8 of all cases), of the
 * demo's texts (a few hundred), and some found nowhere.
 */
export const WORDS = ['低保', '工资', '路灯', '噪声', '积水', '停水', '医保', '报销', '纠纷', '拖欠', '损坏', '扰民', '道路', '进度', '咨询', '小区',
  '拆迁', '补偿', '物业', '垃圾', '供暖', '燃气', '学校', '养老', '残疾', '补贴', '违建', '油烟', '漏水', '公交', '征地', '灌溉', '高铁', '茶叶', '彩票'];

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const round = (n: number) => Math.round(n * 100) / 100;
export const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });

/** Times up to `n` calls of `fn`, stopping after `phaseSeconds`; the milliseconds of each call made. */
export async function time(phaseSeconds: number, n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  const deadline = performance.now() + phaseSeconds * 1000;
  for (let i = 0; i < n && performance.now() < deadline; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times;
}
