import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readSelection } from '../../../lib/capture/selection';
import { LIMITS } from '../../../lib/infra/limits';

// The selection as a quote: read from a real DOM and a real Selection (happy-dom).

function page(html: string): Document {
  const window = new Window({ url: 'https://blog.example.org/retros' });
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

/** Selects from the `from`th character of the first text node holding `start` to the end of `end`. */
function select(doc: Document, start: string, end: string): void {
  const find = (needle: string) => {
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(needle);
      if (at >= 0) return { node, at };
    }
    throw new Error(`not in the page: ${needle}`);
  };
  const from = find(start);
  const to = find(end);
  const range = doc.createRange();
  range.setStart(from.node, from.at);
  range.setEnd(to.node, to.at + end.length);
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('reading the selection as a quote', () => {
  it('keeps the words selected and some text on either side', () => {
    const doc = page(
      '<article><p>Teams that review often learn faster. Small batches make feedback cheap.</p></article>',
    );
    select(doc, 'Small batches', 'cheap.');
    expect(readSelection(doc)).toEqual({
      quote: {
        exact: 'Small batches make feedback cheap.',
        prefix: 'Teams that review often learn faster. ',
        fragment: 'text=Small%20batches%20make%20feedback%20cheap.',
      },
      link: 'unique',
    });
  });

  it('context stops at nothing, but a block boundary reads as a space, never "end.Start"', () => {
    const doc = page(
      '<h2>Why retros</h2><p>First paragraph ends here.</p><p>Second starts here and goes on.</p><ul><li>One</li><li>Two</li></ul>',
    );
    select(doc, 'Second', 'goes on.');
    const read = readSelection(doc);
    expect(read).toEqual({
      quote: {
        exact: 'Second starts here and goes on.',
        prefix: 'Why retros First paragraph ends here. ',
        suffix: ' One Two',
        fragment: 'text=Second%20starts%20here%20and%20goes%20on.',
      },
      link: 'unique',
    });
  });

  it('a selection across elements and paragraphs joins inline text and separates blocks', () => {
    const doc = page('<p>We <em>always</em> ship on <strong>Fri</strong>days.</p><p>Then we rest.</p>');
    select(doc, 'always', 'Then');
    expect(readSelection(doc)).toMatchObject({ quote: { exact: 'always ship on Fridays. Then', prefix: 'We ' } });
  });

  it('folds runs of whitespace and line breaks; scripts and styles are not page text', () => {
    const doc = page(
      '<p>Before   the\n\n  quote.</p><script>var secret = 1;</script><style>p{}</style><p>The    quoted\n\ttext.</p><p>After.</p>',
    );
    select(doc, 'The', 'text.');
    expect(readSelection(doc)).toEqual({
      quote: {
        exact: 'The quoted text.',
        prefix: 'Before the quote. ',
        suffix: ' After.',
        fragment: 'text=The%20quoted%20text.',
      },
      link: 'unique',
    });
  });

  it('the context is capped on the far side: the text nearest the quote is kept', () => {
    const long = 'word '.repeat(100);
    const doc = page(`<p>${long}Start of it. The quote.</p><p>${long}</p>`);
    select(doc, 'The quote.', 'The quote.');
    const read = readSelection(doc) as { quote: { prefix: string; suffix: string } };
    expect(read.quote.prefix.length).toBeLessThanOrEqual(LIMITS.quoteContext);
    expect(read.quote.prefix.endsWith('Start of it. ')).toBe(true);
    expect(read.quote.suffix.length).toBeLessThanOrEqual(LIMITS.quoteContext);
  });

  it('a very long selection is capped', () => {
    const doc = page(`<p>${'long sentence here. '.repeat(600)}</p>`);
    select(doc, 'long', 'here. ');
    const text = doc.body.textContent!;
    const range = doc.createRange();
    range.setStart(doc.body.firstChild!.firstChild!, 0);
    range.setEnd(doc.body.firstChild!.firstChild!, text.length);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    const read = readSelection(doc) as { quote: { exact: string } };
    expect(read.quote.exact.length).toBeLessThanOrEqual(LIMITS.quote);
    expect(read.quote.exact.endsWith('…')).toBe(true);
  });

  it('text selected in a form field is refused: it is what the user typed', () => {
    const doc = page('<p>Page text.</p><textarea>my own draft</textarea><input value="a search">');
    const area = doc.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(0, 6);
    expect(readSelection(doc)).toEqual({ refused: 'form-field' });
    const input = doc.querySelector('input')!;
    input.focus();
    input.setSelectionRange(2, 8);
    expect(readSelection(doc)).toEqual({ refused: 'form-field' });
    // A caret in a field with the page's text selected elsewhere is no refusal.
    input.setSelectionRange(1, 1);
    select(doc, 'Page', 'text.');
    expect(readSelection(doc)).toMatchObject({ quote: { exact: 'Page text.' } });
  });

  it('nothing selected, or only whitespace: no quote', () => {
    const doc = page('<p>Some text.</p><p>   </p>');
    expect(readSelection(doc)).toBeNull();
    const blank = doc.querySelectorAll('p')[1]!.firstChild!;
    const range = doc.createRange();
    range.setStart(blank, 0);
    range.setEnd(blank, 3);
    doc.getSelection()!.addRange(range);
    expect(readSelection(doc)).toBeNull();
  });

  it('the text directive comes from the generator it is given, and a failing one is replaced by one built from the page', () => {
    const doc = page('<p>Ship small, ship often - and review.</p>');
    select(doc, 'ship often', 'review');
    expect(readSelection(doc, () => ({ textStart: 'ship often - and review' }))).toMatchObject({
      quote: { exact: 'ship often - and review', fragment: 'text=ship%20often%20%2D%20and%20review' },
    });
    const failing = readSelection(doc, () => {
      throw new Error('no Intl.Segmenter');
    });
    expect(failing).toEqual({
      quote: {
        exact: 'ship often - and review',
        prefix: 'Ship small, ',
        suffix: '.',
        fragment: 'text=ship%20often%20%2D%20and%20review',
      },
      link: 'unique',
    });
  });
});
