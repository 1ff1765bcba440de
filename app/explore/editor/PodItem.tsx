import { useEffect, useId, useState, type DragEvent } from 'react';
import { findPod, type PodId } from '../../model';
import {
  formatLabels,
  parseLabels,
  podState,
  removePod,
  setPodLabels,
  setPodState,
  tryMovePod,
  tryRenamePod,
  type PodState,
} from '../edit';
import { useExplorer } from '../store';
import { useApply, useEditorTalk } from './context';
import { MoveMenu } from './MoveMenu';
import { parseName } from './parse-name';
import { podRole } from './roles';
import { ProblemList, useProblemsOf } from './Problems';
import { TextField } from './TextField';

/** The drag data type of a pod chip: a node's box accepts only this. */
export const POD_DRAG_TYPE = 'application/x-inbound-pod';

const STATE_WORDS: Record<PodState, string> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  terminating: 'Terminating',
  'terminating-serving': 'Terminating, serving',
};

/**
 * One pod in its node's list: a chip to drag onto another node, its state, a
 * "Move to…" menu (the keyboard's way to drag), its labels, and Remove.
 */
export function PodItem({ id, onRemoved }: { id: PodId; onRemoved: () => void }) {
  const pod = useExplorer((s) => findPod(s.doc.topology, id));
  const nodes = useExplorer((s) => s.doc.topology.nodes);
  const role = useExplorer((s) => {
    const p = findPod(s.doc.topology, id);
    return p ? podRole(s.doc.topology, p) : 'other';
  });
  const problems = useProblemsOf('pod', id);
  const { apply, attempt } = useApply();
  const { focusNext, wantsFocus, tookFocus } = useEditorTalk();
  const uid = useId();
  // A pod that just moved asks for its menu to keep the focus in its new place.
  const [focusHere] = useState(() => wantsFocus(`move:${id}`));
  useEffect(() => {
    if (focusHere) tookFocus(`move:${id}`);
  }, [focusHere, id, tookFocus]);
  if (!pod) return null;
  const problemsId = `${uid}-problems`;
  const describedBy = problems.length ? problemsId : undefined;
  const state = podState(pod);
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(POD_DRAG_TYPE, pod.id);
    e.dataTransfer.setData('text/plain', `${pod.name} ${pod.ip}`);
    e.dataTransfer.effectAllowed = 'move';
  };
  const moveTo = (node: string) => {
    const target = nodes.find((n) => n.id === node);
    if (!target) return;
    focusNext(`move:${id}`);
    if (!attempt(`Move ${pod.name} to ${target.name}`, (d) => tryMovePod(d, id, node)))
      tookFocus(`move:${id}`);
  };
  return (
    <li className="editor-pod" data-state={state} aria-labelledby={`${uid}-name`}>
      <div
        className="editor-chip"
        data-role={role}
        draggable
        onDragStart={onDragStart}
        title={`Drag ${pod.name} onto another node to move it`}
        data-testid={`pod-chip-${pod.id}`}
      >
        <span id={`${uid}-name`} className="editor-pod-name">
          {pod.name}
        </span>{' '}
        <span className="editor-pod-ip">{pod.ip}</span>{' '}
        <span className="editor-pod-state">{STATE_WORDS[state]}</span>
      </div>
      <div className="editor-row">
        <label className="editor-inline">
          <span className="visually-hidden">State of {pod.name}</span>
          <select
            value={state}
            aria-describedby={describedBy}
            onChange={(e) => {
              const next = e.target.value as PodState;
              apply(`Mark ${pod.name} ${STATE_WORDS[next].toLowerCase()}`, (d) =>
                setPodState(d, id, next),
              );
            }}
          >
            {(Object.keys(STATE_WORDS) as PodState[]).map((s) => (
              <option key={s} value={s}>
                {STATE_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
        <MoveMenu
          what={pod.name}
          targets={nodes.filter((n) => n.id !== pod.node)}
          onMove={moveTo}
          autoFocus={focusHere}
        />
        <button
          type="button"
          onClick={() => {
            onRemoved();
            apply(`Remove ${pod.name}`, (d) => removePod(d, id));
          }}
          aria-label={`Remove ${pod.name}`}
        >
          Remove
        </button>
      </div>
      <details className="editor-more">
        <summary>Name and labels of {pod.name}</summary>
        <TextField
          label="Name"
          of={pod.name}
          value={pod.name}
          parse={parseName}
          size={16}
          describedBy={describedBy}
          onCommit={(name) =>
            attempt(`Rename ${pod.name} to ${name}`, (d) => tryRenamePod(d, id, name))
          }
        />
        <TextField
          label={`${pod.name}'s labels`}
          value={formatLabels(pod.labels)}
          parse={parseLabels}
          placeholder="app=a, tier=web"
          size={24}
          describedBy={describedBy}
          onCommit={(labels) =>
            apply(`Label ${pod.name} ${formatLabels(labels) || '(none)'}`, (d) =>
              setPodLabels(d, id, labels),
            )
          }
        />
      </details>
      <ProblemList id={problemsId} problems={problems} />
    </li>
  );
}
