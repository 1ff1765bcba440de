import { useState, type ReactNode } from 'react';
import type { Problem } from '../../model';
import type { ImportReport, Outcome, ReportItem } from './report';

/** Items shown at first in each group; the rest on request (a dump may hold thousands). */
const FIRST = 200;

const GROUPS: readonly { outcome: Outcome; title: string }[] = [
  { outcome: 'skipped', title: 'Skipped' },
  { outcome: 'changed', title: 'Changed' },
  { outcome: 'taken', title: 'Taken as they are' },
];

/** The import's report: counts, notes about the cluster, then every item with its reasons. */
export function ReportView({
  report,
  problems = [],
}: {
  report: ImportReport;
  /** validate()'s warnings on the imported cluster. */
  problems?: readonly Problem[];
}) {
  const { taken, changed, skipped } = report.counts;
  return (
    <section className="import-report" aria-label="Import report">
      <p className="import-counts">
        <span>
          <strong>{taken.toLocaleString('en-US')}</strong> taken
        </span>{' '}
        <span>
          (<strong>{changed.toLocaleString('en-US')}</strong> changed)
        </span>
        {' · '}
        <span>
          <strong>{skipped.toLocaleString('en-US')}</strong> skipped
        </span>
      </p>
      {(report.notes.length > 0 || problems.length > 0) && (
        <ul className="import-notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {problems.map((p) => (
            <li key={`${p.code}:${p.ref.id}:${p.message}`}>Warning: {p.message}</li>
          ))}
        </ul>
      )}
      <ItemByItem>
        {GROUPS.map((g) => {
          const items = report.items.filter((i) => i.outcome === g.outcome);
          return items.length === 0 ? null : (
            <Group key={g.outcome} title={g.title} items={items} open={g.outcome !== 'taken'} />
          );
        })}
      </ItemByItem>
    </section>
  );
}

function Group({ title, items, open }: { title: string; items: ReportItem[]; open: boolean }) {
  const [all, setAll] = useState(false);
  // A closed group draws nothing inside: a big dump's thousands of lines wait until asked for.
  const [shownOpen, setShownOpen] = useState(open);
  const shown = all ? items : items.slice(0, FIRST);
  const count = items.reduce((n, i) => n + (i.count ?? 1), 0);
  return (
    <details
      className="import-group"
      open={open}
      onToggle={(e) => setShownOpen(e.currentTarget.open)}
    >
      <summary>
        {title} ({count.toLocaleString('en-US')})
      </summary>
      {shownOpen && (
        <ul>
          {shown.map((item, i) => (
            <li key={`${item.kind}:${item.id}:${item.source}:${i}`}>
              <span className="import-kind">{item.kind}</span>{' '}
              <span className="import-id">{item.id}</span>
              {item.notes.length > 0 && (
                <ul>
                  {item.notes.map((n, k) => (
                    <li key={k}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {shownOpen && shown.length < items.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {items.length.toLocaleString('en-US')}
        </button>
      )}
    </details>
  );
}

/** "Item by item", closed at first; its groups are drawn once it is opened. */
function ItemByItem({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="import-items" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Item by item</summary>
      {open && children}
    </details>
  );
}
