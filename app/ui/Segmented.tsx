import { useRef, type KeyboardEvent } from 'react';

interface Props<T extends string> {
  /** The accessible name of the group, e.g. "externalTrafficPolicy". */
  readonly label: string;
  readonly value: T;
  readonly options: readonly { value: T; text: string }[];
  readonly onChange: (value: T) => void;
  /** The keyboard shortcut, shown in the tooltip. */
  readonly shortcut?: string;
}

/**
 * A radio group drawn as a segmented switch. As in the WAI-ARIA radio group
 * pattern, arrow keys select the next value and focus moves with the
 * selection (only the checked radio is in the tab order).
 */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  shortcut,
}: Props<T>) {
  const group = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const d =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0;
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    const to = (i + d + options.length) % options.length;
    const next = options[to];
    if (!next) return;
    onChange(next.value);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[to]?.focus();
  };
  return (
    <div
      ref={group}
      className="segmented"
      role="radiogroup"
      aria-label={label}
      title={shortcut ? `${label} (key ${shortcut})` : label}
    >
      <span className="segmented-label" aria-hidden="true">
        {label}
      </span>
      {options.map((o, i) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={o.value === value ? 0 : -1}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {o.text}
        </button>
      ))}
    </div>
  );
}
