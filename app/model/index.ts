// The simulator: pure TypeScript, no React, no DOM. Everything the UI shows
// about a packet comes from here.
export * from './address';
export * from './device';
export * from './format';
export * from './modes';
export * from './packet';
export * from './result';
export * from './service-type';
export * from './shares';
export * from './talk';
export * from './topology';
export * from './trace';
export * from './trace-types';
export * from './validate';
export * from './synthetic';
