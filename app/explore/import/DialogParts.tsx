import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: the page behind is inert, Tab stays inside,
 * Esc closes, and focus goes back where it was. role and aria-modal are
 * written out so the explorer's keys (which step aside for a modal) see it.
 */
export function DialogShell({
  titleId,
  onClose,
  children,
}: {
  titleId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="modal import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // The backdrop's clicks land on the dialog element too: close only outside its box.
        if (e.target !== e.currentTarget) return;
        const box = e.currentTarget.getBoundingClientRect();
        const inside =
          e.clientX >= box.left &&
          e.clientX <= box.right &&
          e.clientY >= box.top &&
          e.clientY <= box.bottom;
        if (!inside) onClose();
      }}
      // A file dropped beside the drop zone must not make the browser open it instead.
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key !== 'Tab' || !ref.current) return;
        const focusable = Array.from(
          ref.current.querySelectorAll<HTMLElement>(
            'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [href], [tabindex]:not([tabindex="-1"])',
          ),
        ).filter((el) => el.getClientRects().length > 0);
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
    >
      {children}
    </dialog>
  );
}

export function CopyCommand({ command }: { command: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setSaid('Copied');
    } catch {
      setSaid('Select the command and copy it (the clipboard is not available here)');
    }
  };
  return (
    <div className="import-copy">
      <code>{command}</code>
      <button type="button" onClick={() => void copy()}>
        Copy command
      </button>
      <span role="status">{said}</span>
    </div>
  );
}

export function Dropzone({
  disabled,
  onFiles,
}: {
  disabled: boolean;
  onFiles(files: FileList | null): void;
}) {
  const [over, setOver] = useState(false);
  return (
    <div
      className="import-drop"
      data-over={over || undefined}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles(e.dataTransfer.files);
      }}
    >
      <p>Drop .json or .yaml files here, or</p>
      <label className="import-pick">
        choose kubectl output files:{' '}
        <input
          type="file"
          multiple
          accept=".json,.yaml,.yml,application/json,application/yaml"
          disabled={disabled}
          onChange={(e) => {
            onFiles(e.target.files);
            e.target.value = ''; // the same file can be chosen again
          }}
        />
      </label>
    </div>
  );
}
