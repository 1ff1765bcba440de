import { clipInput, err, type Result, type Topology } from '../model';
import type { ExplorerDoc } from './doc';
import { readTopology, topologyToJson } from './topology-json';

// The topology as a JSON file: written for a person to read and keep, read back
// with the same checks as a link.

export const TOPOLOGY_FILE_NAME = 'inbound-topology.json';
/** The file format this Inbound writes; a file from a newer one says so. */
export const TOPOLOGY_FILE_VERSION = 1;
/** A bigger file is refused before it is read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file's text: a marker, its version, then the topology's fields. */
export function topologyFileText(t: Topology): string {
  const body = { inbound: 'topology', version: TOPOLOGY_FILE_VERSION, ...topologyToJson(t) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Starts the download of the topology as inbound-topology.json. */
export function downloadTopology(t: Topology): void {
  const blob = new Blob([topologyFileText(t)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = TOPOLOGY_FILE_NAME;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy of the blob once it starts; the URL is only
  // kept a moment for browsers that start it after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a file's text (already in memory) as a topology. */
export function readTopologyText(text: string, name = TOPOLOGY_FILE_NAME): Result<Topology> {
  const shown = clipInput(name, 60);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'it cannot be parsed';
    return err(`${shown} is not JSON: ${clipInput(why, 160)}.`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > TOPOLOGY_FILE_VERSION)
    return err(
      `${shown} was written by a newer Inbound (file version ${version}); this one reads version ${TOPOLOGY_FILE_VERSION}.`,
    );
  const topology = readTopology(value);
  return topology.ok ? topology : err(`${shown} cannot be used: ${topology.error}`);
}

/** Reads a chosen file as a topology; a file too big, unreadable or wrong gets a message. */
export async function readTopologyFile(
  file: Blob & { readonly name?: string },
): Promise<Result<Topology>> {
  const name = file.name || TOPOLOGY_FILE_NAME;
  if (file.size > MAX_FILE_BYTES)
    return err(
      `${clipInput(name, 60)} is ${(file.size / 1024 / 1024).toFixed(1)} MB: the explorer reads topology files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    );
  let text: string;
  try {
    text = await file.text();
  } catch {
    return err(`${clipInput(name, 60)} could not be read from the disk.`);
  }
  return readTopologyText(text, name);
}

/**
 * The doc with a new topology: the same Service if the new cluster has it (else
 * its first), the same entry node if it still exists (else the load balancer
 * chooses), the rest as it was.
 */
export function withTopology(doc: ExplorerDoc, topology: Topology): ExplorerDoc {
  const keepsService = topology.services.some((s) => s.id === doc.service);
  const keepsEntry = doc.entryNode !== null && topology.nodes.some((n) => n.id === doc.entryNode);
  return {
    ...doc,
    topology,
    service: keepsService ? doc.service : (topology.services[0]?.id ?? doc.service),
    entryNode: keepsEntry ? doc.entryNode : null,
  };
}
