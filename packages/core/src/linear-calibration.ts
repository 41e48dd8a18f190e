/** Calibration of the linear classifier: the temperature fit and the expected calibration error. */
import { softmaxInPlace } from './linear-training.js';

/** The temperature minimising the log loss of `logits` against `ys` (golden-section on ln T). */
export function fitTemperature(logits: readonly Float64Array[], ys: ArrayLike<number>): number {
  if (logits.length === 0) return 1;
  const loss = (lnT: number) => {
    const t = Math.exp(lnT);
    let sum = 0;
    const p = new Float64Array(logits[0]!.length);
    logits.forEach((z, i) => {
      p.set(z);
      softmaxInPlace(p, t);
      sum -= Math.log(Math.max(1e-12, p[ys[i]!]!));
    });
    return sum / logits.length;
  };
  let lo = Math.log(0.05), hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  let fa = loss(a), fb = loss(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) (hi = b), (b = a), (fb = fa), (a = hi - g * (hi - lo)), (fa = loss(a));
    else (lo = a), (a = b), (fa = fb), (b = lo + g * (hi - lo)), (fb = loss(b));
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error of top-1 confidences, in `bins` equal-width bins. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  const n = confidences.length;
  if (n === 0) return 0;
  const sumConf = new Float64Array(bins), sumAcc = new Float64Array(bins), count = new Float64Array(bins);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumConf[b]! += c;
    sumAcc[b]! += correct[i] ? 1 : 0;
    count[b]! += 1;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += (count[b]! / n) * Math.abs(sumAcc[b]! / count[b]! - sumConf[b]! / count[b]!);
  return ece;
}
