// The bench's own web server and its clean-up. The preview server runs inside
// the bench's process (Vite's preview API), so no exit path, not even a
// SIGKILL of the bench or of its process group, can leave it running; the
// port is one the system says is free, so a server left by anything else is
// never measured by mistake.
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { preview, type PreviewServer } from 'vite';

/** A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Cleanup = () => void | Promise<void>;
const cleanups: Cleanup[] = [];
let handlersInstalled = false;

async function runCleanups(): Promise<void> {
  // Last registered first, each once, whatever the others do.
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error('bench clean-up failed:', e);
    }
  }
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.exit(128 + number));
    });
  }
  // An exit with work left (process.exit, an uncaught error): synchronous steps only.
  process.once('exit', () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        void fn();
      } catch {
        // exiting anyway
      }
    }
  });
}

/**
 * Runs `fn` on every way out of the process (normal end, an error, SIGINT,
 * SIGTERM, SIGHUP), once. Returns a function that runs it now instead.
 */
export function onExit(fn: Cleanup): () => Promise<void> {
  installHandlers();
  let done = false;
  const once: Cleanup = () => {
    if (done) return;
    done = true;
    return fn();
  };
  cleanups.push(once);
  return async () => {
    const i = cleanups.indexOf(once);
    if (i >= 0) cleanups.splice(i, 1);
    await once();
  };
}

/** Removes a folder on every way out (see onExit). */
export function removeOnExit(dir: string): () => Promise<void> {
  return onExit(() => rmSync(dir, { recursive: true, force: true }));
}

export interface Served {
  readonly url: string;
  readonly port: number;
  /** Stops the server (also done on every way out of the process). */
  readonly close: () => Promise<void>;
}

/**
 * Serves a built folder with `vite preview` on a free port of 127.0.0.1, in
 * this process. Refuses a port another server took in the meantime
 * (strictPort) and tries another.
 */
export async function serveFolder(outDir: string): Promise<Served> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    let server: PreviewServer;
    try {
      server = await preview({
        configFile: false,
        logLevel: 'silent',
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
    } catch (e) {
      lastError = e;
      continue;
    }
    const actual = (server.httpServer.address() as AddressInfo | null)?.port;
    if (actual !== port) {
      await server.close();
      throw new Error(`the preview server listens on ${String(actual)}, not on ${port}`);
    }
    const close = onExit(() => server.close());
    return { url: `http://127.0.0.1:${port}`, port, close };
  }
  throw new Error(`no free port for the preview server: ${String(lastError)}`);
}
