// The whole import, pure: texts in, a Topology and its report out. No DOM, no
// worker: the worker, the main-thread fallback, the tests and the bench all run
// this same generator.
import type { KubeItem } from './kube';
import { mapItems, type ImportResult, type Progress } from './map';
import {
  itemsOf,
  MAX_BYTES,
  needsYaml,
  parseDocuments,
  sizeRefusal,
  utf8Bytes,
  wrongKinds,
  type YamlModule,
} from './parse';
import { ReportBuilder } from './report';

export interface ImportInput {
  /** The file's name, or "pasted text": every message about it names it. */
  readonly name: string;
  readonly text: string;
}

export interface ImportOptions {
  /** The `yaml` package, loaded by the caller (lazily) when any input is YAML. */
  readonly yaml?: YamlModule;
  readonly onProgress?: (progress: Progress) => void;
}

export { needsYaml };

/** A text's size in bytes when it might be over the limit (counting costs a pass). */
const sizeOf = (text: string) =>
  text.length > MAX_BYTES
    ? text.length
    : text.length * 3 <= MAX_BYTES
      ? text.length
      : utf8Bytes(text);

/** The import, a step at a time: yields progress, returns the result. Never throws. */
export function* importSteps(
  inputs: readonly ImportInput[],
  options: Pick<ImportOptions, 'yaml'> = {},
): Generator<Progress, ImportResult> {
  try {
    if (inputs.length === 0)
      return { ok: false, error: 'Nothing to import: choose a file or paste kubectl output' };
    let total = 0;
    for (const input of inputs) {
      const size = sizeOf(input.text);
      const refusal = sizeRefusal(input.name, size);
      if (refusal) return { ok: false, error: refusal };
      total += size;
    }
    if (total > MAX_BYTES && inputs.length > 1)
      return {
        ok: false,
        error: (sizeRefusal('The files together', total) as string).replace(' is ', ' are '),
      };

    const report = new ReportBuilder();
    const items: KubeItem[] = [];
    let read = 0;
    for (const input of inputs) {
      yield { fraction: (0.5 * read) / Math.max(1, total), phase: `Parsing ${input.name}` };
      const docs = parseDocuments(input.name, input.text, options.yaml);
      if (!docs.ok) return { ok: false, error: docs.error };
      const found = itemsOf(input.name, docs.value, report);
      if (!found.ok) return { ok: false, error: found.error };
      for (const item of found.value) items.push(item);
      read += input.text.length;
    }
    const wrong = wrongKinds(
      inputs.map((i) => i.name),
      items,
    );
    if (wrong) return { ok: false, error: wrong, report: report.build() };
    return yield* mapItems(items, report, 0.5, 1);
  } catch (e) {
    // The readers never throw on any input they were tested with; this is the net under them.
    return {
      ok: false,
      error: `Inbound could not read the dump: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * The import in one synchronous call, for Node (the bench, tests) and the
 * worker. Pass `yaml` (the `yaml` package) when any input is YAML.
 */
export function importText(
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): ImportResult {
  const steps = importSteps(inputs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
  }
}
