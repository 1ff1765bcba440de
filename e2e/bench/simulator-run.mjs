// Times the simulator bundle named on the command line and prints the figures
// as JSON. Plain JavaScript run by plain node: under tsx every imported file,
// this bundle too, would be rewritten with tsx's own wrappers (a `__name` call
// for every inner function), which cost about two thirds of the time and never
// ship to a browser.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const { exactShares, MODES, SERVICE_A, syntheticCluster, talkCluster, talkVariantFor, trace } =
  await import(pathToFileURL(process.argv[2]).href);

/** Runs `fn` repeatedly for about `ms` milliseconds and returns calls per second. */
function rate(fn, ms) {
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
function median(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// Every mode under both policies on the talk's cluster, round robin.
const scenarios = MODES.flatMap((m) =>
  ['Cluster', 'Local'].map((policy) => ({
    topology: talkCluster(talkVariantFor(m.ingress)),
    service: SERVICE_A,
    mode: m.id,
    policy,
    entryNode: 'node1',
  })),
);
let i = 0;
const traces = rate(() => {
  const r = trace(scenarios[i++ % scenarios.length]);
  if (!r.ok) throw new Error(r.error);
}, 1500);

const big = syntheticCluster(1000, 100);
const sharesMs = median(() => {
  const r = exactShares({ topology: big, service: SERVICE_A, mode: '3a', policy: 'Local' });
  if (!r.ok || r.value.pods.size !== 100_000) throw new Error('shares: wrong pod count');
}, 15);

console.log(JSON.stringify({ traces, sharesMs, modes: MODES.length }));
