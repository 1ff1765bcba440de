// Finds the system Chromium that Playwright drives. Playwright's own browser
// download is not used: the deck is tested against the Chromium a machine has
// (on Debian, the `chromium` package at /usr/bin/chromium).
import { existsSync } from 'node:fs';

const candidates = [
  process.env.INBOUND_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

/** The path of a usable Chromium, or undefined when the machine has none. */
export function findChromium() {
  return candidates.find((path) => existsSync(path));
}

/** Flags for a headless Chromium on a machine with no network and no GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
