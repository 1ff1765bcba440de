import { describe, expect, it } from 'vitest';
import { keyLatencies, rasterPerKey, type TraceEvent } from './latency';

const MAIN = { pid: 7, tid: 7 };
const IO = { pid: 7, tid: 9 };

const keydown = (ts: number, dur: number): TraceEvent => ({
  name: 'EventDispatch',
  ph: 'X',
  ts,
  dur,
  ...MAIN,
  args: { data: { type: 'keydown' } },
});
const commit = (ts: number, dur: number, thread = MAIN): TraceEvent => ({
  name: 'ProxyMain::BeginMainFrame::commit',
  ph: 'X',
  ts,
  dur,
  ...thread,
});
const latency = (id: string, type: string, begin: number, end: number): TraceEvent[] => [
  {
    name: 'EventLatency',
    ph: 'b',
    ts: begin,
    ...IO,
    id2: { local: id },
    args: { event_latency: { event_type: type } },
  },
  { name: 'EventLatency', ph: 'e', ts: end, ...IO, id2: { local: id } },
];

describe('key latencies from a Chromium trace', () => {
  it('times each key press from its platform event to the next frame committed, and to presentation', () => {
    const events: TraceEvent[] = [
      commit(500, 300), // a frame before the first key: not it
      ...latency('0x1', 'KEY_PRESSED', 1_000, 19_000),
      keydown(2_000, 3_000),
      commit(9_000, 1_000),
      commit(25_000, 1_000), // an animation frame later on
      ...latency('0x2', 'KEY_RELEASED', 6_000, 7_000),
      ...latency('0x3', 'KEY_PRESSED', 100_000, 111_500),
      keydown(100_500, 1_000),
      commit(104_000, 2_500, IO), // another thread's commit does not count
      commit(107_000, 1_000),
    ];
    expect(keyLatencies(events)).toEqual([
      { painted: 9, matched: true, presented: 18 },
      { painted: 8, matched: true, presented: 11.5 },
    ]);
  });

  it('without an input-latency record, times from the dispatch and leaves presentation unknown', () => {
    const [only] = keyLatencies([keydown(0, 1_000), commit(4_000, 2_000)]);
    expect(only?.painted).toBe(6);
    expect(only?.matched).toBe(false);
    expect(only?.presented).toBeNaN();
  });

  it('a key press whose frame was never committed reads as unknown, not as fast', () => {
    const [only] = keyLatencies([keydown(0, 1_000), commit(-5_000, 1_000)]);
    expect(only?.painted).toBeNaN();
  });
});

describe('raster work per key press', () => {
  const task = (name: string, ts: number, dur: number, thread = IO): TraceEvent => ({
    name,
    ph: 'X',
    ts,
    dur,
    ...thread,
  });

  it('sums the raster tasks and paints between each key press and its frame on screen', () => {
    const events: TraceEvent[] = [
      task('RasterTask', 500, 4_000), // before the first key: not it
      ...latency('0x1', 'KEY_PRESSED', 1_000, 20_000),
      task('Paint', 3_000, 1_500, MAIN),
      task('RasterTask', 6_000, 5_000),
      task('RasterTask', 6_500, 3_000, { pid: 7, tid: 11 }), // another raster thread: counted too
      task('RasterTask', 19_000, 2_000), // ends after the frame was shown: the next frame's
      ...latency('0x2', 'KEY_RELEASED', 21_000, 22_000),
      ...latency('0x3', 'KEY_PRESSED', 50_000, 60_000),
      task('RasterTask', 51_000, 2_500),
    ];
    expect(rasterPerKey(events)).toEqual([
      { raster: 8, paint: 1.5 },
      { raster: 2.5, paint: 0 },
    ]);
  });
});
