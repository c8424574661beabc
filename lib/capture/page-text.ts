import { blockOf, isSkipped } from './selection';

/**
 * The page's text as a quote's was read when it was kept (`readSelection`): the text nodes in
 * document order, outside scripts, styles and form fields, a space where one block ends and
 * another starts, every run of white space folded to one space. Each node remembers where its
 * text starts in the folded string, so a place found there becomes a DOM range again.
 */
export interface PageText {
  text: string;
  /** Whether the walk stopped at `MAX_PAGE_TEXT` before the document's end. */
  cut: boolean;
  /** Text nodes with where their folded text starts and ends, in document order. */
  nodes: readonly NodeSpan[];
}

interface NodeSpan {
  node: Text;
  start: number;
  end: number;
  /** Whether the folded text before this node ended in a space (its leading white space folds into it). */
  spaceBefore: boolean;
}

/** Folded characters read at most: a book's worth; a page with more is looked through this far. */
export const MAX_PAGE_TEXT = 2_000_000;

const WHITE = /\s/;
const WHITE_RUNS = /\s+/g;

export function readPageText(doc: Document, max = MAX_PAGE_TEXT): PageText {
  const root = doc.body ?? doc.documentElement;
  const nodes: NodeSpan[] = [];
  if (!root) return { text: '', cut: false, nodes };
  const parts: string[] = [];
  let length = 0;
  let spaceBefore = false;
  let lastBlock: Element | null | undefined;
  let cut = false;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!text.data || isSkipped(text)) continue;
    const block = blockOf(text);
    // As the capture joins text: a space between blocks, folded with the white space around it.
    if (lastBlock !== undefined && block !== lastBlock && !spaceBefore) {
      parts.push(' ');
      length++;
      spaceBefore = true;
    }
    lastBlock = block;
    const start = length;
    const nodeSpaceBefore = spaceBefore;
    let folded = text.data.replace(WHITE_RUNS, ' ');
    if (spaceBefore && folded.startsWith(' ')) folded = folded.slice(1);
    if (folded) spaceBefore = folded.endsWith(' ');
    if (length + folded.length > max) {
      cut = true;
      break;
    }
    parts.push(folded);
    length += folded.length;
    nodes.push({ node: text, start, end: length, spaceBefore: nodeSpaceBefore });
  }
  return { text: parts.join(''), cut, nodes };
}

/** The raw offset in `span`'s node just before its folded character `index` (start ≤ index ≤ end). */
function rawOffset(span: NodeSpan, index: number): number {
  let emitted = span.start;
  let space = span.spaceBefore;
  const data = span.node.data;
  let at = 0;
  while (at < data.length && emitted < index) {
    const code = data.codePointAt(at) ?? 0;
    const ch = String.fromCodePoint(code);
    if (WHITE.test(ch)) {
      if (!space) emitted++;
      space = true;
    } else {
      emitted += ch.length;
      space = false;
    }
    at += ch.length;
  }
  return at;
}

/** The first node whose folded text ends after `index`. */
function spanAfter(nodes: readonly NodeSpan[], index: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((nodes[mid]?.end ?? 0) <= index) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The DOM range of the folded text's characters `start` to `end`, or null if they are no node's. */
export function rangeOf(page: PageText, start: number, end: number, doc: Document): Range | null {
  const { nodes } = page;
  if (end <= start) return null;
  const from = nodes[spanAfter(nodes, start)];
  // The node holding the last character (or the first after it, at a space between blocks).
  const to = nodes[spanAfter(nodes, end - 1)];
  if (!from || !to) return null;
  const range = doc.createRange();
  let startAt = rawOffset(from, Math.max(start, from.start));
  // White space folded into the space before the place is not part of it.
  while (startAt < from.node.data.length && WHITE.test(from.node.data.charAt(startAt))) startAt++;
  range.setStart(from.node, startAt);
  if (to.start >= end) range.setEnd(to.node, 0);
  else range.setEnd(to.node, rawOffset(to, end));
  return range;
}
