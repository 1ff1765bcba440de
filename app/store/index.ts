export * from './context';
export * from './create';
export * from './selectors';
export type { InboundState } from './state';
export * from './sync';
export { nextChange, prevChange } from './location-slice';
export { THEMES, type Overlay, type Theme } from './view-slice';
