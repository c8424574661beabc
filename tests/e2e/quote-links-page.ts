// Functions run inside the measured pages (Chromium through Playwright, Firefox through BiDi, as
// source text): they may use nothing from outside their own body.

/** A passage to select: a sentence (text offsets in a paragraph) or a whole paragraph. */
export type Place = { kind: 'sentence'; p: number; start: number; end: number } | { kind: 'paragraph'; p: number };

/**
 * A seeded sample of the page's last third: `sentences` sentences of at least 8 words and
 * `paragraphs` paragraphs of over 300 characters, from visible `<p>` elements.
 */
export function samplePlaces(seed: number, sentences: number, paragraphs: number): Place[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const all = Array.from(document.querySelectorAll('p'));
  const shown = all.filter((p) => p.checkVisibility() && (p.textContent ?? '').trim().length > 0);
  const lastThird = shown.slice(Math.floor((shown.length * 2) / 3));
  const sentenceList: Place[] = [];
  const paragraphList: Place[] = [];
  for (const p of lastThird) {
    const index = all.indexOf(p);
    const text = p.textContent ?? '';
    if (text.replace(/\s+/g, ' ').trim().length > 300) paragraphList.push({ kind: 'paragraph', p: index });
    for (const match of text.matchAll(/[^.!?\s][^.!?]*[.!?]+/g))
      if (match[0].trim().split(/\s+/).length >= 8)
        sentenceList.push({ kind: 'sentence', p: index, start: match.index, end: match.index + match[0].length });
  }
  const pick = (list: Place[], n: number) => {
    const left = [...list];
    const out: Place[] = [];
    while (left.length && out.length < n) out.push(left.splice(Math.floor(random() * left.length), 1)[0]!);
    return out;
  };
  return [...pick(sentenceList, sentences), ...pick(paragraphList, paragraphs)];
}

/**
 * Selects a sentence as a drag would; for a paragraph, scrolls it into view and returns a point on
 * its first word outside a link, for the caller to triple-click as a user does.
 */
export function preparePlace(place: Place): { x: number; y: number } | null {
  const p = document.querySelectorAll('p')[place.p]!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  p.scrollIntoView({ block: 'center' });
  if (place.kind === 'sentence') {
    const range = document.createRange();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let at = 0;
    let started = false;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const length = node.data.length;
      if (!started && place.start < at + length) {
        range.setStart(node, place.start - at);
        started = true;
      }
      if (place.end <= at + length) {
        range.setEnd(node, place.end - at);
        break;
      }
      at += length;
    }
    selection.addRange(range);
    return null;
  }
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('a, button, sup')) continue;
    const offset = node.data.search(/\S/);
    if (offset < 0) continue;
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0) return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
  }
  return null;
}

/** Hides everything but the browser's text-fragment mark, painted magenta. */
export function markOnly(): void {
  const style = document.createElement('style');
  style.textContent = `*, *::before, *::after { color: transparent !important; background: none !important;
    text-shadow: none !important; border-color: transparent !important; box-shadow: none !important;
    outline: none !important; text-decoration-color: transparent !important; caret-color: transparent !important; }
    img, svg, video, iframe, canvas, picture, embed, object, input, button, select, textarea { visibility: hidden !important; }
    ::target-text { background-color: #ff00ff !important; color: transparent !important; }`;
  document.documentElement.append(style);
}

/** Where the selection runs, as child indexes from the root: the same page parsed again has it too. */
export interface SelectedPath {
  start: number[];
  startOffset: number;
  end: number[];
  endOffset: number;
}

/** The live selection's first-to-last range as paths (the browser's own triple-click included). */
export function selectionPath(): SelectedPath | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const path = (node: Node) => {
    const out: number[] = [];
    for (let at: Node = node; at !== document.documentElement && at.parentNode; at = at.parentNode)
      out.unshift(Array.prototype.indexOf.call(at.parentNode.childNodes, at));
    return out;
  };
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  return {
    start: path(first.startContainer),
    startOffset: first.startOffset,
    end: path(last.endContainer),
    endOffset: last.endOffset,
  };
}

/** Selects the passage again (the generator moves the live selection's edges as it works). */
export function restoreSelection(selected: SelectedPath): void {
  const resolve = (path: number[]) =>
    path.reduce<Node>((node, index) => node.childNodes[index]!, document.documentElement);
  const range = document.createRange();
  range.setStart(resolve(selected.start), selected.startOffset);
  range.setEnd(resolve(selected.end), selected.endOffset);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/**
 * Scrolls the selected passage near the top of the view and returns its text's boxes there (the
 * boxes a mark of exactly the passage covers), in CSS pixels of the view.
 */
export function placeBoxes(selected: SelectedPath): { left: number; top: number; right: number; bottom: number }[] {
  const resolve = (path: number[]) =>
    path.reduce<Node>((node, index) => node.childNodes[index]!, document.documentElement);
  const range = document.createRange();
  range.setStart(resolve(selected.start), selected.startOffset);
  range.setEnd(resolve(selected.end), selected.endOffset);
  const top = range.getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, Math.max(0, top - 200));
  const boxes: { left: number; top: number; right: number; bottom: number }[] = [];
  const common = range.commonAncestorContainer;
  const root = common.nodeType === Node.TEXT_NODE ? common.parentNode! : common;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node) || !node.parentElement?.checkVisibility()) continue;
    const part = document.createRange();
    part.setStart(node, node === range.startContainer ? range.startOffset : 0);
    part.setEnd(node, node === range.endContainer ? range.endOffset : node.data.length);
    if (!part.toString().trim()) continue;
    for (const rect of Array.from(part.getClientRects()))
      if (rect.width >= 2 && rect.height >= 2)
        boxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  }
  return boxes;
}

/**
 * Reads a screenshot (a PNG, base64) in a canvas: the share of the passage's boxes painted
 * magenta (the mark), and the magenta painted outside them (a mark of more, or elsewhere).
 */
export async function markedShare(
  png: string,
  boxes: { left: number; top: number; right: number; bottom: number }[],
): Promise<{ inside: number; outside: number; area: number }> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const within = (x: number, y: number, grow: number) =>
    boxes.some((b) => x >= b.left - grow && x < b.right + grow && y >= b.top - grow && y < b.bottom + grow);
  let area = 0;
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < canvas.height; y++)
    for (let x = 0; x < canvas.width; x++) {
      const i = (y * canvas.width + x) * 4;
      const magenta = data[i]! > 200 && data[i + 1]! < 90 && data[i + 2]! > 200;
      if (within(x + 0.5, y + 0.5, -1)) {
        area++;
        if (magenta) inside++;
      } else if (magenta && !within(x + 0.5, y + 0.5, 3)) outside++;
    }
  return { inside: area ? inside / area : 0, outside, area };
}
