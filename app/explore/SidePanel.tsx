import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type Tab = 'events' | 'cluster' | 'requests' | 'share';

const TABS: readonly { id: Tab; name: string }[] = [
  { id: 'events', name: 'Events' },
  { id: 'cluster', name: 'Cluster' },
  { id: 'requests', name: 'Requests' },
  { id: 'share', name: 'Import & share' },
];

/** The tab a link opens on (`&tab=requests`); the events when it names none. */
export function tabInHash(hash: string): Tab {
  const q = hash.indexOf('?');
  const named = q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get('tab');
  return TABS.find((t) => t.id === named)?.id ?? 'events';
}

/** Writes the tab into the explorer's link (replacing the entry: a tab is not a page). */
function keepTabInHash(tab: Tab): void {
  const { hash } = window.location;
  const q = hash.indexOf('?');
  if (!hash.startsWith('#/explore')) return;
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  // The first tab needs no word; the sharing tab is not what a link should open on.
  if (tab === 'events' || tab === 'share') params.delete('tab');
  else params.set('tab', tab);
  const rest = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${q < 0 ? hash : hash.slice(0, q)}${rest ? `?${rest}` : ''}`,
  );
}

/**
 * The explorer's side panel, beside the drawing: the request's events, the
 * cluster's editor, many requests, import and share. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them).
 */
export function SidePanel({ panels }: { panels: Readonly<Record<Tab, ReactNode>> }) {
  const [tab, setShown] = useState<Tab>(() => tabInHash(window.location.hash));
  const setTab = (to: Tab) => {
    setShown(to);
    keepTabInHash(to);
  };
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    const to = TABS[(i + d + TABS.length) % TABS.length] as (typeof TABS)[number];
    setTab(to.id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${id}-${to.id}`)}`)?.focus();
  };
  return (
    <aside className="explore-side" aria-label="Events, cluster, requests, import and share">
      <div className="explore-tabs" role="tablist" aria-label="Panels" ref={list}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`${id}-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.name}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          id={`${id}-${t.id}-panel`}
          role="tabpanel"
          aria-labelledby={`${id}-${t.id}`}
          hidden={tab !== t.id}
          className="explore-panel"
        >
          {tab === t.id && panels[t.id]}
        </div>
      ))}
    </aside>
  );
}
