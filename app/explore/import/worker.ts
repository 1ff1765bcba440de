// The import, off the main thread: reads the files, loads the YAML reader only
// when a file needs it, maps, and reports progress as it goes.
import { importSteps, needsYaml } from './import-text';
import type { ImportResult } from './map';
import type { YamlModule } from './parse';
import type { ImportRequest, WorkerReply } from './protocol';
import { readInputs, refuseBySize } from './read-inputs';

/** Progress is posted at most this often (ms): enough for a smooth bar, not a flood. */
const PROGRESS_EVERY = 50;

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  let result: ImportResult;
  try {
    const inputs = event.data?.inputs ?? [];
    const refusal = refuseBySize(inputs);
    if (refusal) {
      result = { ok: false, error: refusal };
    } else {
      post({ type: 'progress', progress: { fraction: 0, phase: 'Reading the files' } });
      const texts = await readInputs(inputs);
      const yaml: YamlModule | undefined = needsYaml(texts.map((t) => t.text))
        ? await import('yaml')
        : undefined;
      const steps = importSteps(texts, yaml ? { yaml } : {});
      let last = 0;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          result = next.value;
          break;
        }
        const now = performance.now();
        if (now - last >= PROGRESS_EVERY) {
          last = now;
          post({ type: 'progress', progress: next.value });
        }
      }
    }
  } catch (e) {
    result = {
      ok: false,
      error: `The import failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  post({ type: 'done', result });
};
