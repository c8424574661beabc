import { LIMITS } from '../infra/limits';
import { type FragmentParts, fragmentDirective, fragmentFromText } from '../quotes/fragment';
import { readDirectiveText } from '../quotes/directive-text';
import { checkedDirective, type DirectiveFit } from '../quotes/text-directive';
import { capPrefix, capSuffix, cleanSelection, type SelectedQuote } from '../model/quote';

/**
 * What the page's selection gives: a quote (with how surely its link finds it again: `unique`,
 * `first` of several places, or `missed` when no directive could be checked to reach it), a
 * refusal with its reason, or nothing selected.
 */
export type SelectionRead = { quote: SelectedQuote; link?: DirectiveFit } | { refused: 'form-field' } | null;

/**
 * Builds the text directive for a copy of the selection's range (text-fragments-polyfill in the
 * page): the generator moves the edges of the range it is given, and the user's own selection
 * must stay as they made it.
 */
export type GenerateFragment = (range: Range) => FragmentParts | undefined;

/** Elements whose text is not the page's text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION']);
/** Text on either side of one of these is two separate runs: a space between, never "end.Start". */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** How much text around the quote is read: enough for its context after whitespace folds. */
const CONTEXT_READ = LIMITS.quoteContext * 4;

/** Text inside a script, a style or a form field: not the page's text (the quotes' anchoring skips it too). */
export function isSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (SKIPPED.has(el.tagName)) return true;
  return false;
}

/** The block a text node stands in: text in two blocks reads with a space between. */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !BLOCKS.has(el.tagName)) el = el.parentElement;
  return el;
}

/** True when the user is selecting inside a text field: that text is theirs, not the page's. */
function selectingInField(doc: Document): boolean {
  const active = doc.activeElement as
    | (Element & { selectionStart?: number | null; selectionEnd?: number | null })
    | null;
  if (!active || (active.tagName !== 'INPUT' && active.tagName !== 'TEXTAREA')) return false;
  try {
    return typeof active.selectionStart === 'number' && active.selectionStart !== active.selectionEnd;
  } catch {
    // Inputs without a text selection (checkbox, number) throw: nothing of theirs is selected.
    return false;
  }
}

/**
 * Whether anything is selected, without reading it: text on the page, text in a form field (the
 * user's own, never a quote), or nothing.
 */
export function selectionPresent(doc: Document): 'text' | 'form-field' | null {
  if (selectingInField(doc)) return 'form-field';
  const selection = doc.getSelection();
  return selection && selection.rangeCount > 0 && !selection.isCollapsed ? 'text' : null;
}

interface Pieces {
  before: string;
  inside: string;
  after: string;
}

/**
 * The document's text before, inside and after `range` in one pass over its text nodes, with a
 * space wherever a block ends, so a selection across two paragraphs reads as two sentences.
 */
function readAround(doc: Document, range: Range): Pieces {
  const root = doc.body ?? doc.documentElement;
  const pieces: Pieces = { before: '', inside: '', after: '' };
  if (!root) return pieces;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let lastBlock: Element | null | undefined;
  let where: keyof Pieces = 'before';
  const add = (part: keyof Pieces, text: string, block: Element | null) => {
    if (!text) return;
    const separated = lastBlock !== undefined && block !== lastBlock;
    lastBlock = block;
    if (part === where) {
      if (separated) pieces[part] += ' ';
    } else {
      // The separator belongs to the part it leads into, so the quote's own edges stay clean.
      if (separated && part === 'after') pieces.after += ' ';
      if (separated && part === 'inside') pieces.before += ' ';
      where = part;
    }
    pieces[part] += text;
    // Only the end of what comes before is kept.
    if (part === 'before' && pieces.before.length > CONTEXT_READ * 2)
      pieces.before = pieces.before.slice(-CONTEXT_READ);
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (isSkipped(text)) continue;
    const length = text.data.length;
    const block = blockOf(text);
    const endsBefore = range.comparePoint(text, length) < 0;
    if (endsBefore && text !== range.startContainer) {
      add('before', text.data, block);
      continue;
    }
    const startsAfter = range.comparePoint(text, 0) > 0;
    if (startsAfter && text !== range.endContainer) {
      add('after', text.data, block);
      if (pieces.after.length >= CONTEXT_READ) break;
      continue;
    }
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : length;
    add('before', text.data.slice(0, from), block);
    add('inside', text.data.slice(from, to), block);
    add('after', text.data.slice(to), block);
  }
  return pieces;
}

/**
 * The user's selection as a quote: its text (whitespace folded, capped), a little text before
 * and after it, and a text directive when `generate` can build one. A selection inside a text
 * field is refused: it is what the user typed, and the page cannot be opened at it.
 */
export function readSelection(doc: Document, generate?: GenerateFragment): SelectionRead {
  const present = selectionPresent(doc);
  if (present === 'form-field') return { refused: 'form-field' };
  const selection = doc.getSelection();
  if (!present || !selection) return null;
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  // Firefox selects table cells as several ranges: the quote runs from the first to the last.
  const range = doc.createRange();
  range.setStart(first.startContainer, first.startOffset);
  range.setEnd(last.endContainer, last.endOffset);
  const { before, inside, after } = readAround(doc, range);
  let generated: FragmentParts | undefined;
  try {
    generated = generate?.(range.cloneRange());
  } catch {
    // The generator's failure is not the quote's: the directive is built from the page below.
  }
  const { page, target } = readDirectiveText(doc, range);
  const checked = target ? checkedDirective(page, target, generated) : undefined;
  // Text the page's walk cannot place (none visible): the generator's, or the quote's own words.
  const fragment =
    checked?.directive ?? (generated ? fragmentDirective(generated) : undefined) ?? fragmentFromText(inside);
  const quote = cleanSelection({ exact: inside, prefix: capPrefix(before), suffix: capSuffix(after), fragment });
  if (!quote) return null;
  return { quote, link: checked?.fit ?? 'missed' };
}
