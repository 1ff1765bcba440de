/** Arrow heads and the card shadow, shared by everything on the stage. */
export function Defs() {
  return (
    <defs>
      <marker
        id="arrow"
        viewBox="0 0 10 10"
        refX="8"
        refY="5"
        markerWidth="5"
        markerHeight="5"
        orient="auto-start-reverse"
      >
        <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--wire)" />
      </marker>
      <marker
        id="arrow-return"
        viewBox="0 0 10 10"
        refX="8"
        refY="5"
        markerWidth="5"
        markerHeight="5"
        orient="auto-start-reverse"
      >
        <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--wire-return)" />
      </marker>
      <filter id="card-shadow" x="-10%" y="-10%" width="130%" height="140%">
        <feDropShadow dx="0" dy="4" stdDeviation="5" floodOpacity="0.25" />
      </filter>
    </defs>
  );
}
