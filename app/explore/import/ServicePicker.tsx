import { useId } from 'react';
import type { ImportedService } from './map';

/** The Service to explore: each option says its type and how many modes it offers. */
export function ServicePicker({
  services,
  value,
  onChange,
}: {
  services: readonly ImportedService[];
  /** The chosen Service's id. */
  value: string;
  onChange(id: string): void;
}) {
  const id = useId();
  const chosen = services.find((s) => s.id === value);
  return (
    <div className="import-service">
      <label htmlFor={id}>Service to explore</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {optionText(s)}
          </option>
        ))}
      </select>
      {chosen && (
        <p className="import-hint">
          {chosen.offered.length === 0
            ? 'It offers no way in.'
            : `Ways in: ${chosen.offers
                .filter((o) => o.refusal === null)
                .map((o) => o.mode.title)
                .join(' · ')}`}
        </p>
      )}
    </div>
  );
}

/** "default/web — LoadBalancer, 6 modes, 2 ready pods" */
export function optionText(s: ImportedService): string {
  const modes = `${s.offered.length} ${s.offered.length === 1 ? 'mode' : 'modes'}`;
  const ready =
    s.readyEndpoints === 0
      ? 'no ready pods'
      : `${s.readyEndpoints} ready ${s.readyEndpoints === 1 ? 'pod' : 'pods'}`;
  return `${s.id} — ${s.type}, ${modes}, ${ready}`;
}
