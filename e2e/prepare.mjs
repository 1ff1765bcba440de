// Makes a fresh clone ready: installs npm packages when they are missing or out
// of date, and (with --test) finds or installs a system Chromium for the
// browser tests. Runs before `npm start`, `npm test` and `npm run bench`.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const forTests = process.argv.includes('--test');

// The README promises Node 20.19+ (what Vite and ESLint need); say so plainly on an older one.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Inbound needs Node 20.19 or newer; this is Node ${process.versions.node}.`);
  process.exit(1);
}

function run(cmd) {
  console.log(`> ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

function packagesOutOfDate() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
}

if (packagesOutOfDate()) {
  run('npm ci --no-audit --no-fund');
}

if (forTests && !findChromium()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package for the browser tests.");
    run('apt-get update -q');
    run('DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium');
  }
  if (!findChromium()) {
    console.error(
      [
        '',
        'The browser tests need Chromium, and none was found.',
        '  Debian/Ubuntu:  sudo apt-get install -y chromium',
        '  macOS:          install Google Chrome or Chromium in /Applications',
        '  elsewhere:      set INBOUND_CHROMIUM=/path/to/chromium',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}
