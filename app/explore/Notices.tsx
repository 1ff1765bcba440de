import { useState } from 'react';

/**
 * Messages about the explorer itself (a bad link, a cluster that could not be
 * kept), each until it is dismissed or goes away.
 */
export function Notices({ messages }: { messages: readonly (string | null)[] }) {
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  const shown = messages.filter((m): m is string => m !== null && !dismissed.includes(m));
  if (shown.length === 0) return null;
  return (
    <div className="explore-notices">
      {shown.map((m) => (
        <p key={m} role="alert" className="explore-notice">
          {m}{' '}
          <button type="button" onClick={() => setDismissed([...dismissed, m])}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
