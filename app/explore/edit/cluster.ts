import { SERVICE_A, talkCluster } from '../../model';
import type { ExplorerDoc } from '../doc';
import { settle } from './settle';

/** An empty cluster in the same network: no nodes, pods, Services or Ingresses; the same client. */
export function newEmptyCluster(doc: ExplorerDoc): ExplorerDoc {
  const t = doc.topology;
  if (t.nodes.length + t.pods.length + t.services.length + t.ingresses.length === 0) return doc;
  return settle({
    ...doc,
    topology: { ...t, nodes: [], pods: [], services: [], ingresses: [] },
    entryNode: null,
  });
}

/** The talk's cluster (Node1, Node2, Pod-a…Pod-d, Service A and B), exploring Service A. */
export function resetToTalk(doc: ExplorerDoc): ExplorerDoc {
  const talk = talkCluster('default');
  if (JSON.stringify(talk) === JSON.stringify(doc.topology) && doc.service === SERVICE_A)
    return doc;
  return settle({ ...doc, topology: talk, service: SERVICE_A });
}
