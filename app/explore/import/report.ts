/**
 * What happened to each object of the dump: taken as it is, taken with
 * changes (and which), or skipped (and why). Nothing is dropped silently.
 */
export type Outcome = 'taken' | 'changed' | 'skipped';

export interface ReportItem {
  /** Node, Pod, Service, EndpointSlice, or the kind of something skipped (ConfigMap…). */
  readonly kind: string;
  /** The id the topology uses (`namespace/name`, a node's name), or a description. */
  readonly id: string;
  /** Where in the input it was: "cluster.json, item 12". */
  readonly source: string;
  readonly outcome: Outcome;
  /** For a skipped item, why; for a changed one, what changed; otherwise notes, if any. */
  readonly notes: readonly string[];
  /** How many objects this line stands for (a line for "12 ConfigMaps"); 1 when absent. */
  readonly count?: number;
}

export interface ImportReport {
  readonly items: readonly ReportItem[];
  /** Objects taken into the topology (changed ones included), changed, and skipped. */
  readonly counts: { readonly taken: number; readonly changed: number; readonly skipped: number };
  /** About the cluster as a whole: its derived range, the client's address. */
  readonly notes: readonly string[];
  /** Skipped kinds, counted: { ConfigMap: 3 }. */
  readonly otherKinds: Readonly<Record<string, number>>;
}

/** A line of the report being written; mapping code adds notes as it reads the object. */
export class ItemNotes {
  outcome: Outcome = 'taken';
  readonly notes: string[] = [];
  constructor(
    readonly kind: string,
    public id: string,
    readonly source: string,
    readonly count = 1,
  ) {}
  /** Taken, but not as it was: say what changed. */
  change(note: string): this {
    if (this.outcome !== 'skipped') this.outcome = 'changed';
    this.notes.push(note);
    return this;
  }
  /** Left out, and why. Returns null so a reader can `return line.skip(…)`. */
  skip(reason: string): null {
    this.outcome = 'skipped';
    this.notes.push(reason);
    return null;
  }
  /** Something worth knowing that changes nothing. */
  note(text: string): this {
    this.notes.push(text);
    return this;
  }
  get skipped() {
    return this.outcome === 'skipped';
  }
}

const KIND_ORDER = ['Node', 'Pod', 'Service', 'EndpointSlice'];

export class ReportBuilder {
  readonly lines: ItemNotes[] = [];
  readonly notes: string[] = [];
  readonly otherKinds: Record<string, number> = {};

  add(kind: string, id: string, source: string, count = 1): ItemNotes {
    const line = new ItemNotes(kind, id, source, count);
    this.lines.push(line);
    return line;
  }

  build(): ImportReport {
    let taken = 0;
    let changed = 0;
    let skipped = 0;
    // Kind by kind, in the order Inbound reads them; the input's order within a kind.
    const rank = (kind: string) => {
      const i = KIND_ORDER.indexOf(kind);
      return i < 0 ? KIND_ORDER.length : i;
    };
    const lines = this.lines
      .map((l, i) => ({ l, i }))
      .sort((a, b) => rank(a.l.kind) - rank(b.l.kind) || a.i - b.i)
      .map((x) => x.l);
    const items: ReportItem[] = lines.map((l) => {
      if (l.outcome === 'skipped') skipped += l.count;
      else {
        taken += l.count;
        if (l.outcome === 'changed') changed += l.count;
      }
      return {
        kind: l.kind,
        id: l.id,
        source: l.source,
        outcome: l.outcome,
        notes: [...l.notes],
        ...(l.count !== 1 ? { count: l.count } : {}),
      };
    });
    return {
      items,
      counts: { taken, changed, skipped },
      notes: [...this.notes],
      otherKinds: { ...this.otherKinds },
    };
  }
}
