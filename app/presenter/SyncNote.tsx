import { useEffect, useState } from 'react';
import { useHeardOtherWindow } from '../ui/other-windows';
import { SINGLE_FILE } from '../ui/single-file';

/** How long the presenter view waits to hear from a deck window before it says so (ms). */
export const SYNC_NOTE_AFTER_MS = 2000;

/**
 * In the single-file copy, opened from a file: windows of one page can only
 * talk where the browser lets file:// pages share a BroadcastChannel or
 * storage (Chromium does; a browser that treats every file:// page as an
 * opaque origin of its own may not). While no other window has been heard from,
 * the presenter says so, and what to do, rather than letting the deck fall
 * out of step silently. The served app needs no such line. The slot is always
 * there: it keeps its place in the presenter's grid, and a status region is
 * announced when it fills, not when it arrives already full.
 */
export function SyncNote() {
  const heard = useHeardOtherWindow();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!SINGLE_FILE) return;
    const timer = setTimeout(() => setWaited(true), SYNC_NOTE_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="presenter-sync" role="status">
      {SINGLE_FILE && waited && !heard && (
        <p className="presenter-sync-note">
          No deck window has answered this one. Opened from a file, some browsers keep each window
          to itself, so the deck may not follow these keys: press S to open the deck from here, and
          if it still does not follow, sync between windows needs the served app (
          <code>npm start</code>).
        </p>
      )}
    </div>
  );
}
