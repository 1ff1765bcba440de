import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium.mjs';

// A port the system says is free, picked once by the main process: workers load this file
// again but inherit its environment, so all of them agree. Two runs on one machine, or a
// preview server left running, never collide.
process.env.INBOUND_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
])
  .toString()
  .trim();
const port = Number(process.env.INBOUND_E2E_PORT);
// Its own build folder too, so a run never serves (or half-overwrites) another run's build.
const outDir = join(tmpdir(), `inbound-e2e-${port}`);
// The same build writes dist/inbound.html there too (build/single-file.ts): the single-file
// spec opens it straight from that folder, with no server.
process.env.INBOUND_E2E_DIST = outDir;

// Playwright drives the *built* app (vite build + vite preview) in the system
// Chromium; see e2e/chromium.mjs for how it is found.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
