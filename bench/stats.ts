// Small statistics for the benchmarks: medians, and timing one async call.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` decimals (figures in the report, not in the measurement). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs each contender once per round, in turn (a, b, c, a, b, c, ...), after `warmup` unrecorded rounds. */
export async function interleaved<K extends string>(
  contenders: Record<K, () => Promise<unknown>>,
  runs: number,
  warmup: number,
): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const name of names) {
      const ms = await timed(contenders[name]);
      if (round >= warmup) times[name].push(ms);
    }
  }
  return times;
}

/** Median of the per-round ratios a[i] / b[i]: both were measured in the same round, so machine noise cancels. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]));
}
