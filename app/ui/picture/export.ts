/**
 * The step on screen as a file: an SVG that stands alone (every colour and
 * font the stylesheet gave it written on the elements, the theme's variables
 * resolved), and a PNG drawn from that SVG on a canvas. Loaded only when a
 * picture is saved.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The stage's size: the diagram's viewBox. */
export const STAGE = { width: 1600, height: 900 } as const;

/** Properties that pass down the tree: written where they differ from the parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
  'word-spacing',
  'text-anchor',
  'dominant-baseline',
  'color',
  'line-height',
  'text-align',
  'white-space',
  'overflow-wrap',
  'visibility',
] as const;

/** Properties each element has of its own: written where they differ from a plain element's. */
const OWN = [
  'opacity',
  'transform',
  'transform-origin',
  'transform-box',
  'text-decoration-line',
  'baseline-shift',
  'filter',
  'clip-path',
  'mix-blend-mode',
] as const;

/** Box properties, for the HTML a diagram holds in a foreignObject (a caption, a note). */
const BOX = [
  'display',
  'box-sizing',
  'width',
  'height',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-radius',
  'background-color',
  'overflow',
] as const;

const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;

/** Replaces every `var(--x)` in a value with what the theme gives --x here. */
export function resolveVars(value: string, lookup: (name: string) => string): string {
  let out = value;
  // Nested fallbacks resolve from the inside out.
  for (let i = 0; i < 5 && out.includes('var('); i++)
    out = out.replace(VAR, (_, name: string, fallback?: string) => {
      const v = lookup(name).trim();
      return v || (fallback ?? '').trim();
    });
  return out;
}

/**
 * The computed style of a plain element of the same kind, as the stylesheet
 * leaves it outside the diagram: what an own property is without any rule.
 */
function plainStyles(): ((el: Element) => CSSStyleDeclaration) & { host: SVGSVGElement } {
  const host = document.createElementNS(SVG_NS, 'svg');
  host.setAttribute('aria-hidden', 'true');
  host.setAttribute('style', 'position:fixed;left:-9999px;top:0;width:10px;height:10px');
  const fo = document.createElementNS(SVG_NS, 'foreignObject');
  host.appendChild(fo);
  document.body.appendChild(host);
  const seen = new Map<string, CSSStyleDeclaration>();
  const get = (el: Element) => {
    const key = `${el.namespaceURI}|${el.localName}`;
    let style = seen.get(key);
    if (!style) {
      const plain = document.createElementNS(el.namespaceURI, el.localName);
      (el.namespaceURI === SVG_NS ? host : fo).appendChild(plain);
      style = getComputedStyle(plain);
      seen.set(key, style);
    }
    return style;
  };
  return Object.assign(get, { host });
}

/** Whether an element draws nothing at all (and neither do its children). */
const drawsNothing = (style: CSSStyleDeclaration) =>
  style.display === 'none' || Number(style.opacity) === 0;

/**
 * A copy of a drawn diagram as a standalone SVG document: every style the
 * page's stylesheets gave each element written on it (colours resolved from
 * the theme's variables, fonts, transforms), nothing left that needs the
 * page's CSS; what is not drawn (a card face flipped away) left out; the
 * theme's background behind it all.
 */
export function standaloneSvg(live: SVGSVGElement, title: string): string {
  const plain = plainStyles();
  const rootStyle = getComputedStyle(live);
  const lookup = (name: string) => rootStyle.getPropertyValue(name);
  const clone = live.cloneNode(true) as SVGSVGElement;
  const drop: Element[] = [];
  try {
    const walk = (from: Element, to: Element, parent: CSSStyleDeclaration | null) => {
      const style = getComputedStyle(from);
      if (parent && drawsNothing(style)) {
        drop.push(to);
        return;
      }
      const base = plain(from);
      const decls: string[] = [];
      for (const p of INHERITED) {
        const v = style.getPropertyValue(p);
        if (v && (!parent || v !== parent.getPropertyValue(p))) decls.push(`${p}:${v}`);
      }
      const own = from.namespaceURI === SVG_NS ? OWN : [...OWN, ...BOX];
      for (const p of own) {
        const v = style.getPropertyValue(p);
        if (v && v !== base.getPropertyValue(p)) decls.push(`${p}:${v}`);
      }
      to.removeAttribute('class');
      if (decls.length > 0) to.setAttribute('style', resolveVars(decls.join(';'), lookup));
      else to.removeAttribute('style');
      for (const a of Array.from(to.attributes))
        if (a.value.includes('var(')) to.setAttribute(a.name, resolveVars(a.value, lookup));
      for (let i = 0; i < from.children.length; i++) {
        const f = from.children[i] as Element;
        const t = to.children[i] as Element;
        walk(f, t, style);
      }
    };
    walk(live, clone, null);
  } finally {
    plain.host.remove();
  }
  for (const el of drop) el.remove();

  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `0 0 ${STAGE.width} ${STAGE.height}`);
  clone.setAttribute('width', String(STAGE.width));
  clone.setAttribute('height', String(STAGE.height));
  clone.removeAttribute('aria-hidden');
  clone.setAttribute('role', 'img');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(STAGE.width));
  background.setAttribute('height', String(STAGE.height));
  background.setAttribute('fill', lookup('--bg').trim() || '#ffffff');
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(titleEl, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The standalone SVG drawn on a canvas `scale` times the stage's size, as a PNG. */
export async function pngOf(svg: string, scale = 2): Promise<Blob> {
  const img = new Image(STAGE.width, STAGE.height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = STAGE.width * scale;
  canvas.height = STAGE.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser gave no canvas to draw the picture on.');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make the PNG.'))),
      'image/png',
    ),
  );
}

/** Hands a file to the browser's downloads. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL can go after a moment.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The standalone SVG once the drawing has come to rest: made again every
 * tenth of a second until two in a row agree (a fade still finishing shows
 * as a difference), for at most two seconds.
 */
export async function settledSvg(live: SVGSVGElement, title: string): Promise<string> {
  let last = standaloneSvg(live, title);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => window.setTimeout(r, 100));
    const now = standaloneSvg(live, title);
    if (now === last) return now;
    last = now;
  }
  return last;
}
