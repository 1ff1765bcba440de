import { useEffect, useId, useRef, useState } from 'react';
import type { Topology } from '../../model';
import { SINGLE_FILE } from '../../ui/single-file';
import { importDump, type DumpInput, type DumpResult } from './client';
import type { ImportSuccess, Progress } from './map';
import { CopyCommand, DialogShell, Dropzone } from './DialogParts';
import { ReportView } from './ReportView';
import { ServicePicker } from './ServicePicker';
import '../../ui/overlays.css';
import './ImportDialog.css';

/** What to run in the cluster: the objects Inbound reads, as one List. */
export const KUBECTL_COMMAND =
  'kubectl get nodes,pods,services,endpointslices -A -o json > cluster.json';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'importing'; readonly what: string; readonly progress: Progress }
  | { readonly kind: 'failed'; readonly what: string; readonly result: DumpResult & { ok: false } }
  | {
      readonly kind: 'done';
      readonly what: string;
      readonly result: DumpResult & ImportSuccess;
      /** From the click to the result, in ms. */
      readonly took: number;
    };

/**
 * "Import from kubectl": paste, drop or pick kubectl's output; the import runs
 * in a worker on this page, shows its progress (cancellable), then its report
 * item by item and the Services to explore. Nothing is applied until "Explore
 * this cluster", so a failed import leaves the explorer's cluster as it was.
 */
export function ImportDialog(props: {
  /** Whether the dialog is shown. */
  open: boolean;
  /** Closes it (Esc, Close, a click on the backdrop, or after "Explore this cluster"). */
  onClose(): void;
  /** The imported cluster and the Service the user chose. */
  onImport(result: { topology: Topology; service: string }): void;
}) {
  if (!props.open) return null;
  return <ImportPanel onClose={props.onClose} onImport={props.onImport} />;
}

function ImportPanel({
  onClose,
  onImport,
}: {
  onClose(): void;
  onImport(result: { topology: Topology; service: string }): void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [service, setService] = useState('');
  const running = useRef<AbortController | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const pasteId = useId();
  // Closing (or unmounting) while importing cancels: the worker is terminated.
  useEffect(() => () => running.current?.abort(), []);
  // A result (or a failure) takes the focus, so it is seen and read out, not left below the fold.
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') resultHeading.current?.focus();
  }, [state.kind]);

  async function run(inputs: DumpInput[], what: string) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'importing', what, progress: { fraction: 0, phase: 'Starting' } });
    const start = performance.now();
    try {
      const result = await importDump(inputs, {
        signal: controller.signal,
        onProgress: (progress) => setState({ kind: 'importing', what, progress }),
      });
      if (running.current !== controller) return;
      running.current = null;
      if (result.ok) {
        setService(result.defaultService);
        setState({ kind: 'done', what, result, took: performance.now() - start });
      } else setState({ kind: 'failed', what, result });
    } catch (e) {
      // Superseded by a newer import: that one owns the screen now.
      if (running.current !== controller) return;
      running.current = null;
      if ((e as Error).name === 'AbortError') setState({ kind: 'idle' });
      else
        setState({
          kind: 'failed',
          what,
          result: {
            ok: false,
            error: `The import failed: ${(e as Error).message}`,
            ranOn: 'worker',
          },
        });
    }
  }

  const runFiles = (files: FileList | null) => {
    const list = files ? Array.from(files) : [];
    if (list.length) void run(list, list.map((f) => f.name).join(', '));
  };
  const cancel = () => {
    running.current?.abort();
    // The Cancel button goes away with the progress: the focus goes to the top, not to nowhere.
    closeButton.current?.focus();
  };
  const importing = state.kind === 'importing';
  const done = state.kind === 'done' ? state.result : null;

  return (
    <DialogShell titleId={titleId} onClose={onClose}>
      <div className="modal-head">
        <h2 id={titleId}>Import from kubectl</h2>
        <button ref={closeButton} type="button" className="modal-close" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <p className="import-private">Nothing leaves your browser: the import runs on this page.</p>

      <section className="import-command" aria-label="The command to run">
        <p>Run this where kubectl reaches your cluster:</p>
        <CopyCommand command={KUBECTL_COMMAND} />
        <p className="import-hint">
          JSON or YAML (<code>-o yaml</code>), one file or several (one kind each); up to 50 MB.
          JSON reads fastest.
        </p>
      </section>

      <Dropzone disabled={importing} onFiles={runFiles} />

      <div className="import-paste">
        <label htmlFor={pasteId}>Or paste kubectl output (JSON or YAML)</label>
        <textarea
          id={pasteId}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder='{"apiVersion": "v1", "kind": "List", "items": [ … ] }'
        />
        <button
          type="button"
          disabled={importing || pasted.trim() === ''}
          onClick={() => void run([{ name: 'the pasted text', text: pasted }], 'the pasted text')}
        >
          Import pasted text
        </button>
      </div>

      {state.kind === 'importing' && (
        <div className="import-progress">
          <progress
            aria-label={`Importing ${state.what}`}
            value={Math.round(state.progress.fraction * 100)}
            max={100}
          />
          <span aria-live="polite">
            {state.progress.phase} · {Math.round(state.progress.fraction * 100)}%
          </span>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}

      {state.kind === 'failed' && (
        <div className="import-failed">
          <h3 ref={resultHeading} tabIndex={-1}>
            {state.what} could not be imported
          </h3>
          <p role="alert">{state.result.error}</p>
          {state.result.report && <ReportView report={state.result.report} />}
        </div>
      )}

      {done && state.kind === 'done' && (
        <div className="import-done">
          <h3 ref={resultHeading} tabIndex={-1}>
            Read {state.what}
          </h3>
          <p role="status">
            {done.topology.nodes.length} nodes, {done.topology.pods.length} pods and{' '}
            {done.topology.services.length} Services to explore (read in{' '}
            {(state.took / 1000).toFixed(1)} s).
          </p>
          {done.ranOn === 'main thread' && (
            <p className="import-hint">
              {SINGLE_FILE
                ? 'In this single-file copy the import runs on the page itself (a page opened from a file cannot start a Web Worker), a slice at a time.'
                : 'This browser could not start a Web Worker, so the import ran on this page’s main thread, a slice at a time.'}
            </p>
          )}
          <ServicePicker services={done.services} value={service} onChange={setService} />
          <button
            type="button"
            className="import-explore"
            disabled={!service}
            onClick={() => {
              onImport({ topology: done.topology, service });
              onClose();
            }}
          >
            Explore this cluster
          </button>
          <ReportView report={done.report} problems={done.problems} />
        </div>
      )}
    </DialogShell>
  );
}
