import { performance } from 'node:perf_hooks';
import {
  exactShares,
  MODES,
  SERVICE_A,
  syntheticCluster,
  talkCluster,
  talkVariantFor,
  trace,
} from '../../app/model';
import type { Scenario } from '../../app/model';
import type { Figure } from './table';

/** Runs `fn` repeatedly for about `ms` milliseconds and returns calls per second. */
function rate(fn: () => void, ms: number): number {
  for (let i = 0; i < 2000; i++) fn(); // warm up the JIT
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    calls += 500;
    now = performance.now();
  }
  return (calls / (now - start)) * 1000;
}

/** The median of `runs` timings of `fn`, in milliseconds. */
function median(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export function simulatorFigures(): Figure[] {
  // Every mode under both policies on the talk's cluster, round robin.
  const scenarios: Scenario[] = MODES.flatMap((m) =>
    (['Cluster', 'Local'] as const).map((policy) => ({
      topology: talkCluster(talkVariantFor(m.ingress)),
      service: SERVICE_A,
      mode: m.id,
      policy,
      entryNode: 'node1',
    })),
  );
  let i = 0;
  const traces = rate(() => {
    const r = trace(scenarios[i++ % scenarios.length] as Scenario);
    if (!r.ok) throw new Error(r.error);
  }, 1500);

  const big = syntheticCluster(1000, 100);
  const sharesMs = median(() => {
    const r = exactShares({ topology: big, service: SERVICE_A, mode: '3a', policy: 'Local' });
    if (!r.ok || r.value.pods.size !== 100_000) throw new Error('shares: wrong pod count');
  }, 15);

  return [
    {
      name: 'simulator, talk topology',
      value: traces,
      unit: 'traces/s',
      budget: 100_000,
      better: 'higher',
      note: `all ${MODES.length} modes × both policies, forward + return`,
    },
    {
      name: 'load shares, 1,000 nodes × 100 pods',
      value: sharesMs,
      unit: 'ms',
      budget: 50,
      better: 'lower',
      note: 'exact shares, mode 3a, Local; median of 15',
    },
  ];
}
