import { foldChar, type DirectiveText, type TextSpan } from './text-directive';

/** Never searched by a text directive (the spec's "search invisible" elements, and form text). */
const INVISIBLE = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'IMG',
  'METER',
  'OBJECT',
  'PROGRESS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'SVG',
  'HEAD',
]);

/** The page's text as a text directive is matched against it, and where `range` lies in it. */
export interface DirectiveTextWithTarget {
  page: DirectiveText;
  /** The range's visible text, its edges' spaces and block breaks left out; absent when empty. */
  target?: TextSpan;
}

/**
 * Reads `doc`'s visible text in one walk: elements the browser hides (`display: none`,
 * `visibility: hidden`) and those a text directive never searches are skipped, and a block
 * boundary is any element whose computed `display` is not `inline` (the spec's nearest block
 * ancestor). `range` is located in it on the way, so the check compares positions, not words
 * that may recur.
 */
export function readDirectiveText(doc: Document, range?: Range): DirectiveTextWithTarget {
  const view = doc.defaultView;
  // Character arrays, joined once: a string grown and read at its end would be flattened each time.
  const shown: string[] = [];
  const key: string[] = [];
  let targetStart = -1;
  let targetEnd = -1;
  let needBreak = false;
  const emit = (ch: string) => {
    shown.push(ch);
    key.push(ch === ' ' || ch === '\n' ? ch : foldChar(ch));
  };
  const last = () => shown[shown.length - 1];
  /** The offsets of `node` inside `range`, `[from, to)`, or undefined when none are. */
  const inRange = (node: Text): [number, number] | undefined => {
    if (!range || range.comparePoint(node, node.data.length) < 0 || range.comparePoint(node, 0) > 0) return undefined;
    return [
      node === range.startContainer ? range.startOffset : 0,
      node === range.endContainer ? range.endOffset : node.data.length,
    ];
  };
  const addText = (node: Text) => {
    const data = node.data;
    const inside = inRange(node);
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (/\s/.test(ch)) {
        const before = last();
        if (before !== undefined && before !== ' ' && before !== '\n' && !needBreak) emit(' ');
        continue;
      }
      if (needBreak) {
        // A block's edge: the space before it goes, one break stands for both.
        if (last() === ' ') {
          shown.pop();
          key.pop();
        }
        if (shown.length) emit('\n');
        needBreak = false;
      }
      if (inside && i >= inside[0] && i < inside[1]) {
        if (targetStart < 0) targetStart = shown.length;
        targetEnd = shown.length + 1;
      }
      emit(ch);
    }
  };
  const walk = (element: Element, hidden: boolean) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!hidden) addText(child as Text);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (INVISIBLE.has(el.tagName.toUpperCase())) continue;
      if (el.tagName === 'BR') {
        const before = last();
        if (!hidden && before !== undefined && before !== ' ' && before !== '\n') emit(' ');
        continue;
      }
      const style = view?.getComputedStyle(el);
      const display = style?.display ?? 'inline';
      if (display === 'none') continue;
      // An empty display is a DOM without a style sheet's defaults (happy-dom): inline, as in one.
      const block = display !== '' && display !== 'inline' && display !== 'contents';
      if (block) needBreak = true;
      walk(el, style ? style.visibility === 'hidden' || style.visibility === 'collapse' : hidden);
      if (block) needBreak = true;
    }
  };
  const root = doc.body ?? doc.documentElement;
  if (root) walk(root, false);
  const page: DirectiveText = {
    shown: shown.join(''),
    key: key.join(''),
    ...(doc.documentElement?.lang ? { lang: doc.documentElement.lang } : {}),
  };
  return targetStart < 0 ? { page } : { page, target: { start: targetStart, end: targetEnd } };
}
