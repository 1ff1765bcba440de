/** An arrow head for wires of one colour. */
function Arrow({ id, colour }: { id: string; colour: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="8"
      refY="5"
      markerWidth="5"
      markerHeight="5"
      orient="auto-start-reverse"
    >
      <path d="M 0 0 L 10 5 L 0 10 z" fill={colour} />
    </marker>
  );
}

/** Arrow heads, shared by every wire on the stage. */
export function Defs() {
  return (
    <defs>
      <Arrow id="arrow" colour="var(--wire)" />
      <Arrow id="arrow-return" colour="var(--wire-return)" />
    </defs>
  );
}
