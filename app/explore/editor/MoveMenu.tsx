import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MoveMenuProps {
  /** What moves, for the button's name: "Move Pod-c to…". */
  readonly what: string;
  /** Where it can go. */
  readonly targets: readonly { readonly id: string; readonly name: string }[];
  readonly onMove: (id: string) => void;
  /** Takes focus when it mounts (the moved pod's menu, after a move). */
  readonly autoFocus?: boolean;
}

/**
 * "Move to…": a menu button (WAI-ARIA menu button pattern), the keyboard's way
 * to drag a pod onto another node. Arrow keys, Home and End go through the
 * nodes, Enter or Space moves, Escape closes. A menu rather than a select: a
 * closed select changes on every arrow key, which would move the pod at each.
 */
export function MoveMenu({ what, targets, onMove, autoFocus }: MoveMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const id = useId();
  useEffect(() => {
    if (autoFocus) button.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const openAt = (i: number) => {
    if (targets.length === 0) return;
    setActive((i + targets.length) % targets.length);
    setOpen(true);
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      openAt(e.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const n = targets.length;
    const go: Record<string, () => void> = {
      ArrowDown: () => setActive((active + 1) % n),
      ArrowUp: () => setActive((active - 1 + n) % n),
      Home: () => setActive(0),
      End: () => setActive(n - 1),
      Escape: () => close(true),
      Enter: () => choose(active),
      ' ': () => choose(active),
    };
    const act = go[e.key];
    if (e.key === 'Tab') close(false);
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };
  const choose = (i: number) => {
    const target = targets[i];
    close(true);
    if (target) onMove(target.id);
  };
  return (
    <div className="editor-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={`Move ${what} to…`}
        disabled={targets.length === 0}
        title={targets.length === 0 ? 'No other node to move to' : undefined}
        onClick={() => (open ? close(true) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Move to…
      </button>
      {open && (
        <ul
          id={`${id}-menu`}
          role="menu"
          aria-label={`Move ${what} to`}
          className="editor-menu-list"
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          {targets.map((t, i) => (
            <li
              key={t.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => choose(i)}
            >
              {t.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
