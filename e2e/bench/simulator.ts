import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as ModelModule from '../../app/model';
import type { Scenario } from '../../app/model';
import type { Figure } from './table';

type Model = typeof ModelModule;

/**
 * The simulator as the browser runs it: `app/model` bundled and minified by
 * Vite. Importing the TypeScript through tsx instead would time tsx's own
 * wrappers (a `__name` call on every inner function, a getter on every
 * cross-module import), which cost about two thirds of the time and never ship.
 */
async function shippedModel(): Promise<Model> {
  const outDir = join(tmpdir(), `inbound-bench-model-${process.pid}`);
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: { ssr: 'app/model/index.ts', outDir, emptyOutDir: true, minify: true },
  });
  const model = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as Model;
  rmSync(outDir, { recursive: true, force: true });
  return model;
}

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

export async function simulatorFigures(): Promise<Figure[]> {
  const { exactShares, MODES, SERVICE_A, syntheticCluster, talkCluster, talkVariantFor, trace } =
    await shippedModel();
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
      note: `all ${MODES.length} modes × both policies, forward + return; the shipped bundle`,
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
