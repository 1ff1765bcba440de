import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium.mjs';

// Playwright drives the *built* app (vite build + vite preview) in the system
// Chromium; see e2e/chromium.mjs for how it is found. Its own port, so a deck
// served by `npm start` (4173) can keep running while the tests do.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4317',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command:
      'npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port 4317 --strictPort',
    url: 'http://127.0.0.1:4317',
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
