import { startsSentence, type Slide } from '../deck';
import { SinceTag } from './SinceBanner';

/** Splits a "Pro:/Con:" slide into its two lists, joining the talk's wrapped lines. */
export function prosAndCons(lines: readonly string[]): { pros: string[]; cons: string[] } {
  const out = { pros: [] as string[], cons: [] as string[] };
  let list: string[] | null = null;
  for (const line of lines) {
    if (line === 'Pro:') list = out.pros;
    else if (line === 'Con:') list = out.cons;
    else if (list && line.startsWith('- ')) list.push(line.slice(2));
    else if (list && list.length > 0) list[list.length - 1] += ` ${line}`;
  }
  return out;
}

/** A line whose hyphenated words ("2-hops", "Pod-a") never break at the hyphen; the text is unchanged. */
export function KeepHyphenated({ line }: { line: string }) {
  return line.split(/(\S+-\S+)/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** An item whose "(e.g. use same hostname)" never breaks inside its brackets; the text is unchanged. */
function KeepParenthesesWhole({ text }: { text: string }) {
  return text.split(/(\([^)]*\))/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** A slide of words, typeset for a projector with the talk's own line breaks. */
export function TextSlide({ slide }: { slide: Slide }) {
  // The section after the talk: marked as added, with where the change stands.
  if (slide.since)
    return (
      <>
        <SinceTag since={slide.since} />
        {slide.kind === 'section' ? (
          <SinceOpener lines={slide.lines} />
        ) : (
          <TalkWords slide={slide} />
        )}
      </>
    );
  return <TalkWords slide={slide} />;
}

/** The section's opener: its heading, what it is about, and its topics as a list. */
function SinceOpener({ lines }: { lines: readonly string[] }) {
  const [heading, about, ...topics] = lines;
  return (
    <div className="text-slide section-slide since-opener">
      <h2>{heading}</h2>
      {about && <p>{about}</p>}
      <ul>
        {topics.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}

function TalkWords({ slide }: { slide: Slide }) {
  const { lines, kind } = slide;
  if (kind === 'title') {
    return (
      <div className="text-slide title-slide">
        <h1>
          {lines[0]}
          <br />
          {lines[1]}
        </h1>
        <p className="subtitle">{lines[2]}</p>
        <p className="author">
          {lines[3]} <span className="handle">{lines[4]}</span>
        </p>
        <p className="version">{lines[5]}</p>
      </div>
    );
  }
  if (kind === 'proscons') {
    const { pros, cons } = prosAndCons(lines);
    return (
      <div className="text-slide proscons-slide">
        {(
          [
            ['Pro', pros],
            ['Con', cons],
          ] as const
        ).map(([label, items]) => (
          <section key={label} aria-label={label}>
            <h2>{label}:</h2>
            <ul>
              {items.map((item) => (
                <li key={item}>
                  <KeepParenthesesWhole text={item} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    );
  }
  if (kind === 'section') {
    return (
      <div className="text-slide section-slide">
        <h2>
          <KeepHyphenated line={lines[0] ?? ''} />
        </h2>
        {lines.slice(1).map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
    );
  }
  return (
    <div className="text-slide statement-slide">
      {lines.map((l, i) => (
        <p
          key={`${i}-${l}`}
          className={
            l.startsWith('Option:')
              ? 'option'
              : /^\(.*\)$/.test(l)
                ? 'aside'
                : startsSentence(lines, i)
                  ? 'sentence'
                  : undefined
          }
        >
          {l}
        </p>
      ))}
    </div>
  );
}
