// `npm run bench`: every performance figure in docs/design.md, measured on this
// machine and printed as a table against its budget. It builds the app into a
// folder of its own, writes the same talk as a reveal.js deck beside it for
// comparison, serves both with `vite preview` on a port the system says is
// free (inside this process, so no way out leaves a server behind), and
// drives the system Chromium. The same build's single file (dist/inbound.html) is opened
// from the disk with no server, for its size and first paint. Exits non-zero when a
// figure is over budget.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { browserFigures } from './browser';
import { bundleFigures } from './bundle';
import { explorerFigures } from './explorer';
import { writeRevealDeck } from './reveal';
import { removeOnExit, serveFolder } from './server';
import { simulatorFigures } from './simulator';
import { singleFileFigures } from './single-file';
import { passes, renderTable, type Figure } from './table';

const dist = mkdtempSync(join(tmpdir(), 'inbound-bench-'));
removeOnExit(dist);

await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
const figures: Figure[] = [...(await simulatorFigures()), ...bundleFigures(dist)];

let revealNote = '';
let hasReveal = false;
try {
  writeRevealDeck(join(dist, 'reveal'));
  hasReveal = true;
} catch (e) {
  revealNote = `reveal.js not compared: ${(e as Error).message}`;
}

const server = await serveFolder(dist);
try {
  figures.push(
    ...(await browserFigures({
      url: server.url,
      dist,
      ...(hasReveal ? { revealUrl: `${server.url}/reveal` } : {}),
    })),
    ...(await explorerFigures(server.url, dist)),
  );
} finally {
  await server.close();
}
figures.push(...(await singleFileFigures(dist)));
console.log(renderTable(figures));
if (revealNote) console.log(`\n${revealNote}`);
console.log(
  '\nOn a shared machine the absolute figures are noisy; compare ratios within one run (the floor, reveal.js).',
);
const over = figures.filter((f) => !passes(f));
if (over.length > 0) {
  console.error(`\n${over.length} figure(s) over budget.`);
  process.exitCode = 1;
}
