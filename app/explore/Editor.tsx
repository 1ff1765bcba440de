import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useSame } from './use-same';
import type { ServiceType } from '../model';
import { newEmptyCluster, resetToTalk, tryAddNode, tryAddService } from './edit';
import { EditorTalkContext, useApply, type EditorTalk } from './editor/context';
import { EditorHead } from './editor/EditorHead';
import { IngressList } from './editor/IngressList';
import { NodeCard } from './editor/NodeCard';
import { ServiceCard } from './editor/ServiceCard';
import { useExplorer } from './store';
import './editor/editor.css';

/**
 * The cluster editor, in the explorer's side panel: nodes with their pods,
 * Services, Ingresses, each with the problems validate finds beside it. Every
 * edit goes through the store (undo, redo, the last valid drawing); the
 * keyboard reaches everything, and a pod's "Move to…" menu does what dragging
 * its chip onto another node does.
 */
export function Editor() {
  const [notice, setNotice] = useState('');
  const wantsFocus = useRef(new Set<string>());
  const talk = useMemo<EditorTalk>(
    () => ({
      tell: setNotice,
      focusNext: (key) => wantsFocus.current.add(key),
      wantsFocus: (key) => wantsFocus.current.has(key),
      tookFocus: (key) => void wantsFocus.current.delete(key),
    }),
    [],
  );
  return (
    <EditorTalkContext.Provider value={talk}>
      <div className="editor">
        <EditorHead notice={notice} />
        <ClusterActions />
        <NodeList />
        <ServiceList />
        <IngressList />
      </div>
    </EditorTalkContext.Provider>
  );
}

function ClusterActions() {
  const { apply } = useApply();
  return (
    <div className="editor-row" role="group" aria-label="Whole cluster">
      <button type="button" onClick={() => apply('New empty cluster', newEmptyCluster)}>
        New empty cluster
      </button>
      <button type="button" onClick={() => apply("Reset to the talk's cluster", resetToTalk)}>
        Reset to the talk's cluster
      </button>
    </div>
  );
}

/** How many node cards show at first: an imported cluster can have hundreds. */
const NODES_SHOWN = 24;

function NodeList() {
  const ids = useExplorer(useSame((s) => s.doc.topology.nodes.map((n) => n.id)));
  const { attempt } = useApply();
  const add = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, NODES_SHOWN);
  // A removed node's controls go with it: focus moves to "Add node".
  const onRemoved = useCallback(() => add.current?.focus(), []);
  return (
    <section className="editor-section" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>Nodes</h3>
      {ids.length === 0 ? (
        <p className="editor-sub">No nodes.</p>
      ) : (
        <ul className="editor-list">
          {shown.map((id) => (
            <NodeCard key={id} id={id} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      {shown.length < ids.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {ids.length} nodes ({ids.length - shown.length} more)
        </button>
      )}
      <button
        ref={add}
        type="button"
        onClick={() =>
          attempt((d) => `Add ${d.topology.nodes.at(-1)?.name ?? 'a node'}`, tryAddNode)
        }
      >
        Add node
      </button>
    </section>
  );
}

function ServiceList() {
  const ids = useExplorer(useSame((s) => s.doc.topology.services.map((x) => x.id)));
  const { attempt } = useApply();
  const [type, setType] = useState<ServiceType>('ClusterIP');
  const add = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const onRemoved = useCallback(() => add.current?.focus(), []);
  return (
    <section className="editor-section" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>Services</h3>
      {ids.length === 0 ? (
        <p className="editor-sub">No Services.</p>
      ) : (
        <ul className="editor-list">
          {ids.map((id) => (
            <ServiceCard key={id} id={id} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      <div className="editor-row">
        <label className="editor-inline">
          <span>New Service's type</span>{' '}
          <select value={type} onChange={(e) => setType(e.target.value as ServiceType)}>
            <option value="ClusterIP">ClusterIP</option>
            <option value="NodePort">NodePort</option>
            <option value="LoadBalancer">LoadBalancer</option>
          </select>
        </label>
        <button
          ref={add}
          type="button"
          onClick={() =>
            attempt(
              (d) => `Add ${d.topology.services.at(-1)?.name ?? 'a Service'} (${type})`,
              (d) => tryAddService(d, type),
            )
          }
        >
          Add Service
        </button>
      </div>
    </section>
  );
}
