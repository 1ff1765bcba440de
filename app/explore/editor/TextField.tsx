import { useId, useState, type KeyboardEvent } from 'react';
import type { Result } from '../../model';

export interface TextFieldProps<T> {
  /** The visible label. */
  readonly label: string;
  /** Whose field it is, said to a screen reader after the label ("IP of Node2"). */
  readonly of?: string;
  /** The value as it stands in the cluster, written as text. */
  readonly value: string;
  /** Reads what was typed; a refusal is shown under the field and nothing is written. */
  readonly parse: (text: string) => Result<T>;
  /** Writes a value that parsed (only when the text differs from `value`). */
  readonly onCommit: (value: T) => void;
  /** Ids of other descriptions (the thing's problems) the field points a screen reader to. */
  readonly describedBy?: string;
  /** Width in characters. */
  readonly size?: number;
  /** A hint under the label, e.g. the form expected. */
  readonly placeholder?: string;
}

/**
 * A labelled text input that keeps what is typed until it is committed (Enter
 * or leaving the field): text that does not parse stays in the field with its
 * message, so nothing typed is lost and nothing half-typed reaches the cluster.
 * Escape puts back the cluster's value.
 */
export function TextField<T>(props: TextFieldProps<T>) {
  const { label, of, value, parse, onCommit, describedBy, size = 14, placeholder } = props;
  const id = useId();
  const [raw, setRaw] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState('');
  // The cluster changed under the field (an undo, another control): show its value.
  if (shown !== value) {
    setShown(value);
    setRaw(value);
    setError('');
  }
  const commit = () => {
    if (raw === value) {
      setError('');
      return;
    }
    const r = parse(raw);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError('');
    onCommit(r.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && (raw !== value || error)) {
      e.preventDefault();
      e.stopPropagation();
      setRaw(value);
      setError('');
    }
  };
  const described = [error ? `${id}-error` : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div className="editor-field">
      <label htmlFor={id}>
        {label}
        {of && <span className="visually-hidden"> of {of}</span>}
      </label>
      <input
        id={id}
        type="text"
        value={raw}
        size={size}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => setRaw(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={`${id}-error`} className="editor-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
