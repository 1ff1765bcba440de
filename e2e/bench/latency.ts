/**
 * Key press latencies read from a Chromium performance trace, the way
 * Chromium's own tools read them.
 *
 * - **painted**: from the key press (the platform event's time, where the
 *   browser started its input-latency record) to the end of the first frame
 *   the renderer's main thread commits after handling it. The deck renders a
 *   step synchronously inside the key handler, so that frame is the one that
 *   shows the step; once it is committed, the compositor has it.
 * - **presented**: Chromium's `EventLatency` for the key press, from the
 *   platform event to the frame being presented by the display compositor
 *   (which also waits for the display's next vsync and draws in software here).
 *
 * Timing in the page itself (requestAnimationFrame, then a timer) reads later
 * than either: Chromium's scheduler runs that timer after other queued tasks,
 * sometimes after the next frame.
 */

/** The fields of a Chrome trace event that this reads. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id2?: { readonly local?: string };
  readonly args?: {
    readonly data?: { readonly type?: string };
    readonly event_latency?: { readonly event_type?: string };
  };
}

export interface KeyLatency {
  /**
   * Milliseconds from the key press to the end of the main-thread commit of
   * the next frame: from the platform event where Chromium recorded one (see
   * `matched`), else from the dispatch, which starts a little later.
   */
  readonly painted: number;
  /** Whether an EventLatency record was found for this key press. */
  readonly matched: boolean;
  /** Milliseconds from the key press to the frame on screen (NaN where Chromium recorded none). */
  readonly presented: number;
}

/** The categories a trace needs for `keyLatencies`. */
export const LATENCY_CATEGORIES = ['devtools.timeline', 'benchmark', 'input'];

const endOf = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/** Every key press (keydown) in the trace, in order, with its latencies in milliseconds. */
export function keyLatencies(events: readonly TraceEvent[]): KeyLatency[] {
  const keydowns = events
    .filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const presses = keyPressSpans(events);
  // Every main-thread commit, in order, read once for all the key presses.
  const commits = events
    .filter((e) => e.name === 'ProxyMain::BeginMainFrame::commit' && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  return keydowns.map((key) => {
    const frame = commits.find((e) => e.pid === key.pid && e.tid === key.tid && e.ts >= endOf(key));
    const press = presses.find((p) => p.begin <= key.ts && p.end >= endOf(key));
    const start = press?.begin ?? key.ts;
    return {
      painted: frame ? (endOf(frame) - start) / 1000 : NaN,
      matched: press !== undefined,
      presented: press ? (press.end - press.begin) / 1000 : NaN,
    };
  });
}

/** The begin and end of each KEY_PRESSED EventLatency record. */
function keyPressSpans(events: readonly TraceEvent[]): { begin: number; end: number }[] {
  const open = new Map<string, TraceEvent>();
  const spans: { begin: number; end: number }[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.name !== 'EventLatency') continue;
    const id = `${e.pid}:${e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(id, e);
    else if (e.ph === 'e') {
      const begin = open.get(id);
      open.delete(id);
      if (begin?.args?.event_latency?.event_type === 'KEY_PRESSED')
        spans.push({ begin: begin.ts, end: e.ts });
    }
  }
  return spans;
}

/** The categories a trace needs for `rasterPerKey`, beside LATENCY_CATEGORIES. */
export const RASTER_CATEGORIES = ['disabled-by-default-devtools.timeline'];

export interface KeyRaster {
  /** Milliseconds of raster work (RasterTask, on the raster threads, summed) for the key's frame. */
  readonly raster: number;
  /** Milliseconds of the main thread's paint (recording the display list) for it. */
  readonly paint: number;
}

/**
 * For each key press with an input-latency record, the raster and paint work
 * done between the key press and its frame on screen: the cost of drawing
 * the new step, tile by tile, in software here.
 */
export function rasterPerKey(events: readonly TraceEvent[]): KeyRaster[] {
  const sum = (name: string, begin: number, end: number) =>
    events
      .filter((e) => e.name === name && e.ph === 'X' && e.ts >= begin && endOf(e) <= end)
      .reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0);
  return keyPressSpans(events)
    .sort((a, b) => a.begin - b.begin)
    .map(({ begin, end }) => ({
      raster: sum('RasterTask', begin, end),
      paint: sum('Paint', begin, end),
    }));
}
