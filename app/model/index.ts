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
export * from './proxy-dump';
export * from './proxy-protocol';
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
export * from './synthetic';
