/**
 * Inbound for reveal.js: a live Inbound demo inside a reveal.js slide that
 * steps with the slide's fragments, in the audience view and in the speaker
 * view alike. A plain ES module, used as it is:
 *
 *   import InboundReveal from './inbound-reveal.js';
 *   Reveal.initialize({ plugins: [RevealNotes, InboundReveal] });
 *
 *   <section>
 *     <iframe data-inbound src="https://inbound.example/?view=embed#/26"></iframe>
 *     <span class="fragment" data-inbound-step="1"></span>
 *     <span class="fragment" data-inbound-step="2" data-inbound-policy="Local"></span>
 *   </section>
 *
 * Or `<iframe data-inbound data-inbound-steps="2" …>`: two fragments are made
 * for it. The demo's state is worked out from reveal's own state (the current
 * slide, which fragments are visible), never from a count of key presses, so
 * every window that shows the deck shows the same demo: reveal's speaker view
 * loads the deck again in frames of its own, and this plugin runs there too.
 * See the README, "Inbound inside your slides", for every attribute.
 */

const COMMAND = 'inbound:command';
const EVENT = 'inbound:event';
const VERSION = 1;
/** More fragments than this on one frame is a typo, not a talk. */
const MAX_STEPS = 200;

/** Where a frame opens, read from its link: `#/26`, `#/26/1`, `#/since/3?etp=Local&addr=ip&sw=proxy`. */
function startOf(url) {
  const m = /^#\/(since\/)?([1-9]\d{0,2})(?:\/(\d{1,2}))?\/?(?:\?(.*))?$/.exec(url.hash);
  const params = new URLSearchParams(m?.[4] ?? '');
  return {
    slide: !m ? 1 : m[1] ? `since/${m[2]}` : Number(m[2]),
    step: m?.[3] ? Number(m[3]) : 0,
    policy: params.get('etp'),
    addresses: params.get('addr') === 'ip' ? 'ip' : 'talk',
    switch: params.get('sw'),
  };
}

/** The frame's link as a URL, or null before it has one (reveal's lazy `data-src`). */
function urlOf(frame) {
  const src = frame.getAttribute('src');
  if (!src) return null;
  try {
    return new URL(src, window.location.href);
  } catch {
    return null;
  }
}

/** The fragments a frame follows: those of its own slide, for every frame or named for this one. */
function fragmentsFor(frame, slide) {
  return Array.from(slide.querySelectorAll('.fragment')).filter(
    (f) =>
      f.closest('section') === slide &&
      (!f.dataset.inboundFor || f.dataset.inboundFor === frame.id) &&
      ['inboundStep', 'inboundPolicy', 'inboundSwitch', 'inboundAddresses', 'inboundReply'].some(
        (k) => f.dataset[k] !== undefined,
      ),
  );
}

/** reveal's order of fragments: by their index, then as written. */
const fragmentIndex = (f) => Number(f.getAttribute('data-fragment-index') ?? 0);

/**
 * The commands that put a frame where reveal's state says: its opening place,
 * one `next` per step the visible fragments have reached, then what the last
 * visible fragment says for each switch (or what the frame's link says).
 */
function commandsFor(frame, slide) {
  const url = urlOf(frame);
  if (!url) return null;
  const start = startOf(url);
  const visible = fragmentsFor(frame, slide)
    .filter((f) => f.classList.contains('visible'))
    .sort((a, b) => fragmentIndex(a) - fragmentIndex(b));
  const last = (key) => {
    for (let i = visible.length - 1; i >= 0; i--)
      if (visible[i].dataset[key] !== undefined) return visible[i].dataset[key];
    return null;
  };
  let ahead = 0;
  for (const f of visible) {
    const n = Number(f.dataset.inboundStep);
    if (Number.isInteger(n) && n > ahead) ahead = Math.min(n, MAX_STEPS);
  }
  const commands = [{ command: 'goto', slide: start.slide, step: start.step }];
  for (let i = 0; i < ahead; i++) commands.push({ command: 'next' });
  const policy = last('inboundPolicy') ?? start.policy;
  if (policy) commands.push({ command: 'policy', policy });
  const sw = last('inboundSwitch') ?? start.switch;
  if (sw) commands.push({ command: 'switch', value: /^\d$/.test(sw) ? Number(sw) : sw });
  commands.push({ command: 'addresses', addresses: last('inboundAddresses') ?? start.addresses });
  const reply = last('inboundReply');
  if (reply !== null && reply !== 'off') commands.push({ command: 'reply', play: true });
  return commands;
}

/** Sends to the frame's own origin only: if it has navigated elsewhere, nothing is delivered. */
function post(frame, message) {
  const url = urlOf(frame);
  const target = frame.contentWindow;
  if (!url || !target) return;
  target.postMessage(message, url.origin === 'null' ? '*' : url.origin);
}

/** Gives a frame's `data-inbound-steps="N"` its N fragments, so → steps the demo N times. */
function addSteps(frame) {
  const n = Number(frame.dataset.inboundSteps);
  const slide = frame.closest('section');
  if (!slide || !Number.isInteger(n) || n < 1) return;
  for (let k = 1; k <= Math.min(n, MAX_STEPS); k++) {
    const step = document.createElement('span');
    step.className = 'fragment';
    step.dataset.inboundStep = String(k);
    if (frame.id) step.dataset.inboundFor = frame.id;
    step.setAttribute('aria-hidden', 'true');
    slide.appendChild(step);
  }
}

export default function InboundReveal() {
  let deck = null;
  /** What each frame was last sent, so an unchanged state is not sent again. */
  const sent = new WeakMap();
  /** Frames whose Inbound has said it is ready: before that, a message would be lost. */
  const ready = new WeakSet();

  const frames = () => Array.from(deck.getRevealElement().querySelectorAll('iframe[data-inbound]'));

  /** Brings a frame into line with reveal's state; `force` after it (re)loads. */
  const sync = (frame, force = false) => {
    const slide = frame.closest('section');
    if (!slide || slide !== deck.getCurrentSlide() || !ready.has(frame)) return;
    const commands = commandsFor(frame, slide);
    if (!commands) return;
    const key = JSON.stringify(commands);
    if (!force && sent.get(frame) === key) return;
    sent.set(frame, key);
    for (const c of commands) post(frame, { type: COMMAND, version: VERSION, ...c });
  };
  const syncAll = () => frames().forEach((f) => sync(f));

  /** Events from the frames: `ready` asks for the state again; `state` is shown on the frame. */
  const onMessage = (e) => {
    const frame = frames().find((f) => f.contentWindow === e.source);
    const data = e.data;
    if (!frame || typeof data !== 'object' || data === null) return;
    if (data.type !== EVENT || data.version !== VERSION) return;
    if (data.event === 'ready') {
      ready.add(frame);
      sync(frame, true);
    }
    if (data.event === 'ready' || data.event === 'state') {
      const at = `${data.slide}${data.step > 0 ? `/${data.step}` : ''}`;
      if (/^(since\/)?\d{1,3}(\/\d{1,2})?$/.test(at)) frame.dataset.inboundAt = at;
    }
    if (data.event === 'ignored' && Number.isInteger(data.ignored))
      frame.dataset.inboundIgnored = String(data.ignored);
  };

  return {
    id: 'inbound',
    init(reveal) {
      deck = reveal;
      frames().forEach(addSteps);
      window.addEventListener('message', onMessage);
      for (const name of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden'])
        deck.on(name, syncAll);
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      if (deck)
        for (const name of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden'])
          deck.off(name, syncAll);
    },
  };
}
