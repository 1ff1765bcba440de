// The explorer's edits: pure functions from one doc to the next, each giving
// what Kubernetes would (addresses from the node's range, ports from the
// NodePort range, what a Service's type allows). Each returns the same doc when
// nothing changes; a `try…` form says why when it cannot be done.
export * from './edit/alloc';
export * from './edit/cluster';
export * from './edit/ingress';
export * from './edit/labels';
export * from './edit/nodes';
export * from './edit/pods';
export * from './edit/fit-type';
export * from './edit/pick';
export * from './edit/services';
export * from './edit/settle';
