import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, serveFolder } from './server';

/** The text at `url`, or null when nothing answers there. */
async function fetchText(url: string): Promise<string | null> {
  try {
    return await (await fetch(url)).text();
  } catch {
    return null;
  }
}

/** Starts serve-once.ts in its own process group and reads where it serves. */
function startChild(mode: 'wait' | 'end' | 'throw') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'serve-once.ts'), mode],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const served = new Promise<{ url: string; dir: string }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as { url: string; dir: string });
    });
    child.once('exit', () => reject(new Error(`serve-once ${mode} ended before serving: ${out}`)));
  });
  return { child, exited, served };
}

const stopGroup = (child: ChildProcess, signal: NodeJS.Signals) =>
  process.kill(-(child.pid as number), signal);

// Vite's preview server starts in this process: give it time on a busy machine (nothing here is timed).
describe('the bench serves its own build on a free port', { timeout: 30_000 }, () => {
  let blocker: Server | null = null;
  let folder = '';
  beforeAll(async () => {
    // Occupy the port the bench used to take for granted (if nothing else already does).
    blocker = await new Promise<Server | null>((resolve) => {
      const s = createServer((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\nnot the bench'));
      s.once('error', () => resolve(null));
      s.listen(4179, '127.0.0.1', () => resolve(s));
    });
    folder = mkdtempSync(join(tmpdir(), 'inbound-bench-test-'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>this build</title>');
  });
  afterAll(() => {
    blocker?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('with port 4179 taken, serves this folder elsewhere and frees its port when closed', async () => {
    const served = await serveFolder(folder);
    expect(served.port).not.toBe(4179);
    expect(await fetchText(served.url)).toContain('<title>this build</title>');
    await served.close();
    expect(await fetchText(served.url)).toBeNull();
  });

  it('asks the system for a port nothing listens on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await fetchText(`http://127.0.0.1:${port}`)).toBeNull();
  });
});

// Each case starts a process that builds nothing but loads Vite: give it time on a busy machine.
describe(
  'every way out of the bench stops its server and removes its folder',
  { timeout: 60_000 },
  () => {
    it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s', async (signal) => {
      const { child, exited, served } = startChild('wait');
      const { url, dir } = await served;
      expect(await fetchText(url)).toContain('bench fixture');
      stopGroup(child, signal);
      const { code } = await exited;
      expect(code).toBe(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
      expect(await fetchText(url)).toBeNull();
      expect(existsSync(dir)).toBe(false);
    });

    it('when its process group is killed outright (SIGKILL)', async () => {
      const { child, exited, served } = startChild('wait');
      const { url, dir } = await served;
      expect(await fetchText(url)).toContain('bench fixture');
      stopGroup(child, 'SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');
      expect(await fetchText(url)).toBeNull();
      // No handler runs on SIGKILL: the folder is left, the server is not.
      rmSync(dir, { recursive: true, force: true });
    });

    it('at a normal end', async () => {
      const { exited, served } = startChild('end');
      const { url, dir } = await served;
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(await fetchText(url)).toBeNull();
      expect(existsSync(dir)).toBe(false);
    });

    it('when the bench fails', async () => {
      const { exited, served } = startChild('throw');
      const { url, dir } = await served;
      expect((await exited).code).toBe(1);
      expect(await fetchText(url)).toBeNull();
      expect(existsSync(dir)).toBe(false);
    });
  },
);
