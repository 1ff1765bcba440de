// The simulator: pure TypeScript, no React, no DOM. Everything the UI shows
// about a packet comes from here.
export * from './address';
export * from './device';
export {
  distributionOf,
  healthCheck,
  isServing,
  isServingTerminating,
  topologyMode,
  type HealthCheckAnswer,
  type TopologyMode,
} from './endpoint-pick';
export * from './format';
export { ipModeOf } from './in-cluster';
export * from './modes';
export * from './packet';
export * from './result';
export * from './service-type';
export * from './shares';
export * from './talk';
export * from './topology';
export * from './trace';
export * from './trace-types';
// validate is only the explorer's: imported from './validate' itself, it stays out of the
// deck's first load (a module the entry reaches is bundled into the entry's chunks).
export type { Problem, ProblemCode, ProblemRef } from './validate';
// Likewise the PROXY protocol's bytes (proxy-protocol.ts, proxy-dump.ts): only the drawing of a
// header reads them, so they are imported from their own modules, not from here.
export * from './synthetic';
