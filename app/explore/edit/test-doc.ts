import { SERVICE_A, talkCluster, type ModeId, type Topology } from '../../model';
import { validate } from '../../model/validate';
import type { ExplorerDoc } from '../doc';

/** A doc around a topology, for tests: Service A, mode 3a, entering at Node1. */
export const docOf = (
  topology: Topology = talkCluster('default'),
  mode: ModeId = '3a',
): ExplorerDoc => ({
  topology,
  service: SERVICE_A,
  mode,
  entryNode: 'node1',
  requests: 1000,
  seed: 1,
  view: 'talk',
});

/** The errors validate finds, as their messages (warnings left out). */
export const errorsOf = (t: Topology): string[] =>
  validate(t)
    .filter((p) => p.severity === 'error')
    .map((p) => p.message);
