// The talk as data: its words, each slide's diagram scene, and the URL scheme.
export * from './hash';
export * from './scene';
export * from './scenes';
export * from './slides';
export * from './trace-cache';
export * from './notes';
export * from './step-notes';
export * from './words';
export { type SinceInfo, type SlideSwitch, type SwitchValue } from './since/slides';
export type { SinceBadge, SinceId, SinceMark } from './since/words-types';
export {
  loadSinceCaptions,
  sinceCaptionsLoaded,
  sinceLinesOf,
  sinceMarksOn,
} from './since/captions-loader';
