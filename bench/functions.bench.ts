/**
 * ESG.INTENSITY over a 1,000 × 1,000 range, through the whole custom-function path (argument checks,
 * broadcasting, the engine's intensity per cell, the returned array), against a bare division loop
 * over the same arrays in the same run. Best of several runs each, interleaved so both see the same
 * machine state. Targets (README): ≤ 100 ms and ≤ 3 × the bare loop.
 */
import "../tests/functions/setup";
import { intensity } from "../src/functions/functions";

const N = 1000;
const RUNS = 7;

function matrix(seed: number, offset: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 1000 + offset;
  return Array.from({ length: N }, () => Array.from({ length: N }, next));
}

function bare(a: number[][], b: number[][]): number[][] {
  const out: number[][] = new Array(a.length);
  for (let r = 0; r < a.length; r++) {
    const ar = a[r];
    const br = b[r];
    const line: number[] = new Array(ar.length);
    for (let c = 0; c < ar.length; c++) line[c] = ar[c] / br[c];
    out[r] = line;
  }
  return out;
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  if (!Array.isArray(out) || out.length !== N) throw new Error("bad result");
  return ms;
}

export async function run(): Promise<Record<string, number>> {
  const amount = matrix(1, 0);
  const denominator = matrix(2, 1); // never 0
  let best = Infinity;
  let bestBare = Infinity;
  for (let i = 0; i < RUNS; i++) {
    best = Math.min(
      best,
      time(() => intensity(amount, denominator)),
    );
    bestBare = Math.min(
      bestBare,
      time(() => bare(amount, denominator)),
    );
  }
  return {
    intensity_1m_cells_ms: Number(best.toFixed(1)),
    intensity_vs_bare_loop: Number((best / bestBare).toFixed(2)),
  };
}
