// What an import hands back: the result, its progress, and the Services to choose from.
import type { ModeId, ModeOffer, Problem, Service, ServiceId, Topology } from '../../model';
import type { ImportReport } from './report';

export interface Progress {
  /** 0 to 1. */
  readonly fraction: number;
  /** What is being done, in a few words: "Reading pods". */
  readonly phase: string;
}

/** A Service the user may choose to explore, with what it offers. */
export interface ImportedService {
  readonly id: ServiceId;
  readonly name: string;
  readonly namespace: string;
  readonly type: Service['type'];
  /** Every mode, and why not where this Service cannot carry it (modesFor). */
  readonly offers: readonly ModeOffer[];
  /** The modes it offers, in the talk's order. */
  readonly offered: readonly ModeId[];
  /** Its ready pods (endpoints) in the imported cluster. */
  readonly readyEndpoints: number;
}

export interface ImportSuccess {
  readonly ok: true;
  readonly topology: Topology;
  readonly report: ImportReport;
  readonly services: readonly ImportedService[];
  /** The first LoadBalancer Service with ready endpoints, else the first Service. */
  readonly defaultService: ServiceId;
  /** validate(topology): warnings only (errors are left out, item by item, before this). */
  readonly problems: readonly Problem[];
}

export interface ImportFailure {
  readonly ok: false;
  /** What went wrong, naming the file where one is to blame. */
  readonly error: string;
  /** What was read before it went wrong, when anything was. */
  readonly report?: ImportReport;
}

export type ImportResult = ImportSuccess | ImportFailure;
