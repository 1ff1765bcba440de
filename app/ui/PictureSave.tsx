import { MotionConfig } from 'framer-motion';
import { Suspense, useEffect, useRef, useState } from 'react';
import { slideAt, slideNumber } from '../deck';
import {
  selectPolicy,
  selectPolicyApplies,
  selectStepTitle,
  useInbound,
  useInboundStore,
} from '../store';
import { LazyDiagram as Diagram } from './lazy-diagram';
import { Modal } from './Modal';
import { pictureName, type PictureOf } from './picture/name';
import { useCurrentDiagram } from './SlideView';

const WORDS_ONLY = 'This slide is words only: there is no diagram to save as a picture.';

/**
 * D: the step on screen saved as a picture, SVG or PNG, for a blog post, the
 * docs or a ticket. The panel draws its own copy of the step at rest (the
 * packet where the step puts it, nothing in flight), which is also its
 * preview; the file is made from that copy, exactly as drawn in the theme in
 * use. The code that makes the file loads only when a picture is saved.
 */
export function PictureSave() {
  const store = useInboundStore();
  const close = () => store.getState().closeOverlay();
  const diagram = useCurrentDiagram();
  const slide = useInbound((s) => s.slide);
  const step = useInbound((s) => s.step);
  const policy = useInbound((s) => (selectPolicyApplies(s) ? selectPolicy(s) : null));
  const alt = useInbound((s) => s.alt ?? 0);
  const view = useInbound((s) => s.addressView);
  const returnHop = useInbound((s) => s.returnHop);
  const title = useInbound(selectStepTitle);
  const drawn = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // Opened on a slide of words: nothing to draw, and the deck says so instead.
  const [wordsOnly] = useState(() => diagram === null);
  useEffect(() => {
    if (!wordsOnly) return;
    const s = store.getState();
    s.closeOverlay();
    s.showNotice(WORDS_ONLY, 'news');
  }, [wordsOnly, store]);
  const of: PictureOf = {
    slide,
    step,
    policy,
    switchWord: slideAt(slide).switch?.values[alt]?.word ?? null,
    view,
    returnHop,
  };

  const save = async (ext: 'svg' | 'png') => {
    const svg = drawn.current?.querySelector<SVGSVGElement>('svg.diagram');
    if (!svg) {
      setStatus('The drawing is still on its way; try again in a moment.');
      return;
    }
    setBusy(true);
    setStatus('');
    try {
      const { download, pngOf, settledSvg } = await import('./picture/export');
      const text = await settledSvg(
        svg,
        `Inbound · slide ${slideNumber(slide)}${step > 0 ? `, step ${step}` : ''} · ${title}`,
      );
      const name = pictureName(of, ext);
      download(
        ext === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await pngOf(text),
        name,
      );
      setStatus(`Saved ${name}`);
    } catch (e) {
      setStatus(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (wordsOnly) return null;
  return (
    <Modal label="Save as a picture" className="picture-save" onClose={close}>
      <h2>Save this step as a picture</h2>
      {diagram ? (
        <>
          <div className="picture-preview" ref={drawn} aria-hidden="true">
            <div className="picture-stage">
              <MotionConfig reducedMotion="always">
                <Suspense fallback={null}>
                  <Diagram {...diagram} />
                </Suspense>
              </MotionConfig>
            </div>
          </div>
          <p className="picture-what">
            As drawn, in this theme, 1600 × 900: SVG to edit or scale, PNG at 3200 × 1800.
          </p>
        </>
      ) : (
        <p>{WORDS_ONLY}</p>
      )}
      <div className="picture-actions">
        {/* Save as SVG comes first: it takes the focus on opening, so D then Enter saves. */}
        {diagram && (
          <>
            <button type="button" onClick={() => void save('svg')} disabled={busy}>
              Save as SVG
            </button>
            <button type="button" onClick={() => void save('png')} disabled={busy}>
              Save as PNG
            </button>
          </>
        )}
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <p className="picture-status" role="status">
        {status}
      </p>
    </Modal>
  );
}
