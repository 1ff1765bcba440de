import { useCallback, useId, useRef, useState, type DragEvent } from 'react';
import { useSame } from '../use-same';
import { findNode, ok, err, parseCidr, parseNodeIp, type NodeId, type Result } from '../../model';
import {
  removeNode,
  removeNodeLabel,
  tryRenameNode,
  setNodeIp,
  setPodRange,
  setZone,
  tryAddPod,
  tryMovePod,
} from '../edit';
import { useExplorer, useExplorerStore } from '../store';
import { useApply, useEditorTalk } from './context';
import { POD_DRAG_TYPE, PodItem } from './PodItem';
import { ProblemList, useProblemsOf } from './Problems';
import { parseName } from './parse-name';
import { TextField } from './TextField';

const NO_SERVICE = '';

/** topology.kubernetes.io/zone: a label value (63 characters at most); blank for none. */
function parseZone(text: string): Result<string> {
  const z = text.trim();
  if (z.length > 63) return err(`A zone is a label value: 63 characters at most, not ${z.length}`);
  if (z && !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(z))
    return err(
      'A zone is a label value: letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    );
  return ok(z);
}

/** A node lists up to this many pods at once; more wait for "Show pods". */
const PODS_SHOWN = 16;

/**
 * One node: its name, IP and pod range, its pods (a drop target for a dragged
 * pod chip), a pod to add (for which Service), and Remove.
 */
export function NodeCard({ id, onRemoved }: { id: NodeId; onRemoved: () => void }) {
  const node = useExplorer((s) => findNode(s.doc.topology, id));
  const podIds = useExplorer(
    useSame((s) => s.doc.topology.pods.filter((p) => p.node === id).map((p) => p.id)),
  );
  const services = useExplorer((s) => s.doc.topology.services);
  const problems = useProblemsOf('node', id);
  const removeWords = useExplorer((s) => removeNodeLabel(s.doc.topology, id));
  const store = useExplorerStore();
  const { apply, attempt } = useApply();
  const { focusNext, tookFocus } = useEditorTalk();
  // A removed pod's controls go with it: focus moves to this node's "Add pod".
  const addPod = useRef<HTMLButtonElement>(null);
  const onPodRemoved = useCallback(() => addPod.current?.focus(), []);
  // Not chosen yet: the first Service.
  const [forService, setForService] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  // A node with many pods (an imported one) lists them when asked.
  const [podsOpen, setPodsOpen] = useState<boolean | null>(null);
  const listPods = podsOpen ?? podIds.length <= PODS_SHOWN;
  const uid = useId();
  if (!node) return null;
  const problemsId = `${uid}-problems`;
  const describedBy = problems.length ? problemsId : undefined;
  const service =
    forService === NO_SERVICE || services.some((s) => s.id === forService)
      ? (forService as string)
      : (services[0]?.id ?? NO_SERVICE);

  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(POD_DRAG_TYPE);
  const onDragOver = (e: DragEvent) => {
    if (!accepts(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropping(true);
  };
  const onDrop = (e: DragEvent) => {
    setDropping(false);
    if (!accepts(e)) return;
    e.preventDefault();
    const podId = e.dataTransfer.getData(POD_DRAG_TYPE);
    const pod = store.getState().doc.topology.pods.find((p) => p.id === podId);
    if (!pod || pod.node === id) return;
    focusNext(`move:${podId}`);
    if (!attempt(`Move ${pod.name} to ${node.name}`, (d) => tryMovePod(d, podId, id)))
      tookFocus(`move:${podId}`);
  };

  return (
    <li
      className="editor-card editor-node"
      data-dropping={dropping || undefined}
      data-invalid={problems.some((p) => p.severity === 'error') || undefined}
      aria-labelledby={`${uid}-title`}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className="editor-card-head">
        <h4 id={`${uid}-title`}>{node.name}</h4>
        <button
          type="button"
          onClick={() => {
            onRemoved();
            apply(removeWords, (d) => removeNode(d, id));
          }}
          aria-label={removeWords}
        >
          Remove
        </button>
      </div>
      <div className="editor-fields">
        <TextField
          label="Name"
          of={node.name}
          value={node.name}
          parse={parseName}
          size={10}
          describedBy={describedBy}
          onCommit={(name) =>
            attempt(`Rename ${node.name} to ${name}`, (d) => tryRenameNode(d, id, name))
          }
        />
        <TextField
          label="IP"
          of={node.name}
          value={node.ip}
          parse={parseNodeIp}
          size={13}
          describedBy={describedBy}
          onCommit={(ip) => apply(`Set ${node.name}'s IP to ${ip}`, (d) => setNodeIp(d, id, ip))}
        />
        <TextField
          label="Pod range"
          of={node.name}
          value={node.podCidr.text}
          parse={parseCidr}
          size={15}
          describedBy={describedBy}
          onCommit={(cidr) =>
            apply(`Set ${node.name}'s pod range to ${cidr.text}`, (d) => setPodRange(d, id, cidr))
          }
        />
        <TextField
          label="Zone"
          of={node.name}
          value={node.zone ?? ''}
          parse={parseZone}
          placeholder="none"
          size={9}
          describedBy={describedBy}
          onCommit={(zone) =>
            apply(
              zone ? `Put ${node.name} in zone ${zone}` : `Take ${node.name} out of its zone`,
              (d) => setZone(d, id, zone),
            )
          }
        />
      </div>
      <ProblemList id={problemsId} problems={problems} />
      <div className="editor-row">
        <p className="editor-sub" id={`${uid}-pods`}>
          {podIds.length === 0
            ? 'No pods'
            : podIds.length === 1
              ? '1 pod'
              : `${podIds.length} pods`}
        </p>
        {podIds.length > PODS_SHOWN && (
          <button
            type="button"
            aria-expanded={listPods}
            aria-controls={listPods ? `${uid}-podlist` : undefined}
            onClick={() => setPodsOpen(!listPods)}
          >
            {listPods ? 'Hide' : 'Show'} {node.name}'s pods
          </button>
        )}
      </div>
      {listPods && podIds.length > 0 && (
        <ul
          id={`${uid}-podlist`}
          className="editor-pods"
          aria-labelledby={`${uid}-title ${uid}-pods`}
        >
          {podIds.map((p) => (
            <PodItem key={p} id={p} onRemoved={onPodRemoved} />
          ))}
        </ul>
      )}
      <div className="editor-row">
        <label className="editor-inline">
          <span>
            Pod for<span className="visually-hidden"> (on {node.name})</span>
          </span>{' '}
          <select value={service} onChange={(e) => setForService(e.target.value)}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={NO_SERVICE}>no Service</option>
          </select>
        </label>
        <button
          ref={addPod}
          type="button"
          onClick={() => {
            const svc = services.find((s) => s.id === service);
            attempt(
              (d) =>
                `Add ${d.topology.pods.at(-1)?.name ?? 'a pod'}${svc ? ` for ${svc.name}` : ''} to ${node.name}`,
              (d) => tryAddPod(d, id, svc ? svc.id : null),
            );
          }}
        >
          Add pod to {node.name}
        </button>
      </div>
    </li>
  );
}
