import type { MouseEvent } from 'react';
import { placeLabel, shortPlaceLabel, SLIDE_COUNT, slideAt } from '../deck';
import type { AddressView, ExternalTrafficPolicy } from '../model';
import {
  selectPolicy,
  selectPolicyApplies,
  selectReplyAvailable,
  selectReplyHasNext,
  selectSlide,
  selectTrace,
  useInbound,
  useInboundStore,
  type InboundState,
} from '../store';
import { Segmented } from './Segmented';
import { ThemeSelect } from './ThemeSelect';
import { openExplorer } from './window-actions';

/** The last step of the last slide, with no reply hop left to step through. */
const selectAtEnd = (s: InboundState) => {
  if (s.slide !== SLIDE_COUNT || s.step !== selectSlide(s).steps.length - 1) return false;
  return !selectReplyHasNext(s);
};
const selectHasPacket = (s: InboundState) => selectTrace(s) !== null;

const POLICIES: readonly { value: ExternalTrafficPolicy; text: string }[] = [
  { value: 'Cluster', text: 'Cluster' },
  { value: 'Local', text: 'Local' },
];
const VIEWS: readonly { value: AddressView; text: string }[] = [
  { value: 'talk', text: 'Talk words' },
  { value: 'ip', text: 'IP addresses' },
];

/** The presenter's bar: where we are, the live switches, and previous/next. */
export function Controls({
  typed,
  onOtherWindow,
  otherWindowName = 'Presenter view',
}: {
  typed: string;
  /** S: opens the other window of the presentation. */
  onOtherWindow: () => void;
  otherWindowName?: string;
}) {
  const store = useInboundStore();
  const slide = useInbound((s) => s.slide);
  const step = useInbound((s) => s.step);
  const atEnd = useInbound(selectAtEnd);
  const policy = useInbound(selectPolicy);
  const applies = useInbound(selectPolicyApplies);
  const view = useInbound((s) => s.addressView);
  const returnHop = useInbound((s) => s.returnHop);
  const hasReply = useInbound(selectReplyAvailable);
  const hasPacket = useInbound(selectHasPacket);
  const own = slideAt(slide).switch;
  const alt = useInbound((s) => s.alt ?? 0);
  const act = () => store.getState();

  return (
    <nav
      className="controls"
      aria-label="Deck controls"
      data-own-switch={own ? '' : undefined}
      onClick={handBackKeys}
    >
      <button
        type="button"
        className="nav-button"
        onClick={() => act().prev()}
        disabled={slide === 1 && step === 0}
        aria-label="Previous step"
        title="Previous (←, PageUp, P)"
      >
        ‹
      </button>
      <span className="position">
        {typed ? `Go to ${typed}…` : shortPlaceLabel(slide)}
        {step > 0 && !typed && <small className="position-step">{` · step ${step}`}</small>}
      </span>
      <button
        type="button"
        className="nav-button"
        onClick={() => act().next()}
        disabled={atEnd}
        aria-label="Next step"
        title="Next (→, Space, PageDown, N)"
      >
        ›
      </button>
      <div className="live-controls">
        {own && (
          <Segmented
            label={own.name}
            value={own.values[alt]?.word ?? ''}
            options={own.values.map((v) => ({ value: v.word, text: v.label }))}
            onChange={(word) => act().setSwitch(own.values.findIndex((v) => v.word === word))}
            shortcut="V"
          />
        )}
        {applies && (
          <Segmented
            label="externalTrafficPolicy"
            value={policy}
            options={POLICIES}
            onChange={(p) => act().setTrafficPolicy(p)}
            shortcut="E"
          />
        )}
        {hasPacket && (
          <Segmented
            label="Addresses"
            value={view}
            options={VIEWS}
            onChange={(v) => act().setAddressView(v)}
            shortcut="A"
          />
        )}
        {hasReply && (
          <button
            type="button"
            className="toggle"
            aria-pressed={returnHop !== null}
            onClick={() => act().toggleReturn()}
            title="Return path (R)"
          >
            Return path
          </button>
        )}
      </div>
      <div className="tools">
        <button
          type="button"
          onClick={() => act().toggleOverlay('overview')}
          aria-haspopup="dialog"
          aria-label="Overview of all slides"
          title="Overview (O)"
        >
          ▦
        </button>
        <button
          type="button"
          onClick={() => act().toggleOverlay('goto')}
          aria-haspopup="dialog"
          aria-label="Go to slide"
          title="Go to slide (G)"
        >
          Go to
        </button>
        <button
          type="button"
          onClick={() => openExplorer(act())}
          aria-label={hasPacket ? 'Explore this slide’s cluster' : 'Open the explorer'}
          title="Explore this (X)"
        >
          Explore
        </button>
        <button
          type="button"
          onClick={onOtherWindow}
          aria-label={`Open the ${otherWindowName.toLowerCase()}`}
          title={`${otherWindowName} (S)`}
        >
          {otherWindowName.split(' ')[0]}
        </button>
        <button
          type="button"
          onClick={() => act().toggleOverlay('picture')}
          aria-haspopup="dialog"
          aria-label="Save this step as a picture"
          title="Picture (D)"
        >
          ⤓
        </button>
        <ThemeSelect />
        <button
          type="button"
          onClick={() => act().toggleOverlay('help')}
          aria-haspopup="dialog"
          aria-label="Keyboard shortcuts"
          title="Keys (?)"
        >
          ?
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Progress through the talk"
        aria-valuemin={1}
        aria-valuemax={SLIDE_COUNT}
        aria-valuenow={slide}
        aria-valuetext={placeLabel(slide)}
      >
        <div style={{ transform: `scaleX(${slide / SLIDE_COUNT})` }} />
      </div>
    </nav>
  );
}

/**
 * After a click with the pointer, the keys go back to the deck: a presenter
 * who clicked "Local" and then presses → means the next step, not the next
 * radio, and Space should not press "Return path" again. (A click made from
 * the keyboard, detail 0, keeps its focus.)
 */
function handBackKeys(e: MouseEvent<HTMLElement>) {
  // The theme menu keeps focus to open; a panel's button keeps it so closing returns there.
  if (
    e.detail === 0 ||
    !(e.target instanceof Element) ||
    e.target.closest('select, [aria-haspopup]')
  )
    return;
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && e.currentTarget.contains(focused)) focused.blur();
}
