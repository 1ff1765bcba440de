import { lazy, Suspense, useRef, useState } from 'react';
import { offeredModes, type ModeId, type Topology } from '../model';
import type { ExplorerDoc } from './doc';
import { useExplorerStore } from './store';

const ImportDialog = lazy(() =>
  import('./import/ImportDialog').then((m) => ({ default: m.ImportDialog })),
);

/** The way in an imported Service opens with: through its load balancer where it has one. */
const PREFERRED: readonly ModeId[] = ['3a', '3c', '2', '4c.1', '4a', '1'];

/** The doc for an imported cluster and the Service chosen in the import's report. */
export function importedDoc(
  doc: ExplorerDoc,
  { topology, service }: { topology: Topology; service: string },
): ExplorerDoc {
  const offered = offeredModes(topology, service);
  const mode = PREFERRED.find((m) => offered.includes(m)) ?? offered[0] ?? doc.mode;
  return { ...doc, topology, service, mode, entryNode: null };
}

/**
 * "Import from kubectl": the import dialog, loaded when first opened (with the
 * YAML reader after it, only for YAML). The imported cluster is one edit, so
 * Ctrl+Z goes back to the cluster before it.
 */
export function ImportButton() {
  const store = useExplorerStore();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button type="button" ref={button} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Import from kubectl
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog
            open={open}
            onClose={close}
            onImport={(result) =>
              store.getState().edit('Import from kubectl', (d) => importedDoc(d, result))
            }
          />
        </Suspense>
      )}
    </>
  );
}
