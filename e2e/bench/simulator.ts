import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Figure } from './table';

/**
 * The simulator as the browser runs it: `app/model` bundled and minified by
 * Vite, then timed by plain node in `simulator-run.mjs` (see there for why not
 * here, under tsx).
 */
export async function simulatorFigures(): Promise<Figure[]> {
  const outDir = join(tmpdir(), `inbound-bench-model-${process.pid}`);
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: { ssr: 'app/model/index.ts', outDir, emptyOutDir: true, minify: true },
  });
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [join(import.meta.dirname, 'simulator-run.mjs'), join(outDir, 'index.js')],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const { traces, sharesMs, modes } = JSON.parse(out) as {
    traces: number;
    sharesMs: number;
    modes: number;
  };
  return [
    {
      name: 'simulator, talk topology',
      value: traces,
      unit: 'traces/s',
      budget: 100_000,
      better: 'higher',
      note: `all ${modes} modes × both policies, forward + return; the shipped bundle`,
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
