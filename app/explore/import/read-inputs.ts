// Files and pasted texts → named texts, each checked for size before it is read.
import type { ImportInput } from './import-text';
import { MAX_BYTES, sizeRefusal } from './parse';
import type { DumpInput } from './protocol';

const isFile = (input: DumpInput): input is File =>
  typeof (input as File).arrayBuffer === 'function' && typeof (input as File).size === 'number';

/** The name an input is reported by. */
export const nameOf = (input: DumpInput): string =>
  (isFile(input) ? input.name : input.name) || 'pasted text';

/** The size of each input, in bytes for a file (known before reading) and a bound for a text. */
function sizeOf(input: DumpInput): number {
  if (isFile(input)) return input.size;
  // A text's UTF-8 size is at least its length: that is enough to refuse one that is far over.
  return input.text.length;
}

/** Why these inputs are too big to read, or null. Reads nothing. */
export function refuseBySize(inputs: readonly DumpInput[]): string | null {
  let total = 0;
  for (const input of inputs) {
    const refusal = sizeRefusal(nameOf(input), sizeOf(input));
    if (refusal) return refusal;
    total += sizeOf(input);
  }
  if (inputs.length > 1 && total > MAX_BYTES)
    return (sizeRefusal('The files together', total) as string).replace(' is ', ' are ');
  return null;
}

/** Reads every file as UTF-8 text (after the size check). */
export async function readInputs(inputs: readonly DumpInput[]): Promise<ImportInput[]> {
  return Promise.all(
    inputs.map(async (input) =>
      isFile(input)
        ? { name: nameOf(input), text: await input.text() }
        : { name: nameOf(input), text: input.text },
    ),
  );
}
