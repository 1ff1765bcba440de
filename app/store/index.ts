export * from './context';
export * from './create';
export * from './selectors';
export type { InboundState } from './state';
