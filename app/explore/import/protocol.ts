// What the page and the import worker say to each other.
import type { ImportInput } from './import-text';
import type { ImportResult, Progress } from './map';

/** A pasted text, or a file the user chose or dropped (read where the import runs). */
export type DumpInput = ImportInput | File;

export interface ImportRequest {
  readonly inputs: readonly DumpInput[];
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly result: ImportResult };

/** Where the import ran: a Web Worker, or this page's main thread in slices (no worker here). */
export type RanOn = 'worker' | 'main thread';
