// For server.test.ts: serves a fresh temporary folder as the bench does, prints
// where, then waits to be stopped (`wait`), ends by itself (`end`) or fails (`throw`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit, serveFolder } from './server';

const mode = process.argv[2] ?? 'wait';
const dir = mkdtempSync(join(tmpdir(), 'inbound-bench-test-'));
removeOnExit(dir);
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>bench fixture</title>');
const { url, close } = await serveFolder(dir);
process.stdout.write(`${JSON.stringify({ url, dir })}\n`);
if (mode === 'throw') throw new Error('the bench failed on purpose');
if (mode === 'end') await close();
if (mode === 'wait') setInterval(() => {}, 1 << 30);
