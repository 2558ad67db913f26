/** engine_200_sites_ms: check + compute + build for a synthetic group of 200 sites × every metric (~60). */
import { runEngine } from "../src/esg/engine";
import { METRICS } from "../src/esg/metrics";
import { syntheticRead } from "../tests/support/synthetic";

export async function run(): Promise<Record<string, number>> {
  const read = syntheticRead(200);
  runEngine(read); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    runEngine(read, { now: new Date(0).toISOString() });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    engine_200_sites_ms: Math.round(times[2] * 10) / 10,
    engine_200_sites_names: read.names.length,
    engine_metrics: METRICS.length,
  };
}
