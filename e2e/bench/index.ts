// `npm run bench`: every performance figure in docs/design.md, measured on this
// machine and printed as a table against its budget. It builds the app, serves
// it with `vite preview`, and drives the system Chromium. Exits non-zero when a
// figure is over budget.
import { execSync, spawn } from 'node:child_process';
import { bundleFigures } from './bundle';
import { browserFigures } from './browser';
import { simulatorFigures } from './simulator';
import { passes, renderTable, type Figure } from './table';

const PORT = 4179;
const url = `http://127.0.0.1:${PORT}`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const figures: Figure[] = [...(await simulatorFigures()), ...bundleFigures('dist')];
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await waitForServer();
  figures.push(...(await browserFigures(url)));
} finally {
  process.kill(-(server.pid as number));
}
console.log(renderTable(figures));
const over = figures.filter((f) => !passes(f));
if (over.length > 0) {
  console.error(`\n${over.length} figure(s) over budget.`);
  process.exitCode = 1;
}
