import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { rangeOf, readPageText } from '../../../lib/capture/page-text';
import { readSelection } from '../../../lib/capture/selection';
import { LIMITS } from '../../../lib/infra/limits';
import { anchorQuote, APPROX_BUDGET } from '../../../lib/quotes/anchor';
import { HIGHLIGHT_NAME, highlightQuotes } from '../../../lib/quotes/highlight';

// A kept quote found again in its page, as a TextQuoteSelector is anchored: with its context,
// alone when unique, else with a few edits where the context fits best; else not at all.

function page(html: string): Document {
  const window = new Window({ url: 'https://blog.example.org/retros' });
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

/** The text a found place covers in the page, folded as quotes are. */
function placeText(doc: Document, quote: { exact: string; prefix?: string; suffix?: string }): string | null {
  const text = readPageText(doc);
  const anchor = anchorQuote(text.text, quote);
  if (!anchor) return null;
  const range = rangeOf(text, anchor.start, anchor.end, doc);
  return range ? range.toString().replace(/\s+/g, ' ') : null;
}

const ARTICLE = `<article><h1>Retros that work</h1>
  <p>Teams that   review often
     learn faster. Small batches make feedback cheap.</p>
  <p>Small batches make feedback cheap. That is the whole trick, and it is older than software.</p>
  <ul><li>One</li><li>Two</li></ul></article>`;

describe('anchoring a quote in the page text', () => {
  const text = readPageText(page(ARTICLE)).text;
  const at = (needle: string, nth = 0) => {
    let found = -1;
    for (let i = 0; i <= nth; i++) found = text.indexOf(needle, found + 1);
    return found;
  };

  it.each([
    {
      name: 'the quote with its context, whitespace folded across lines and nodes',
      quote: { exact: 'review often learn faster.', prefix: 'Retros that work Teams that ', suffix: ' Small batches' },
      start: at('review often learn faster.'),
      how: 'exact',
    },
    {
      name: 'a repeated quote: the one whose prefix and suffix fit',
      quote: { exact: 'Small batches make feedback cheap.', prefix: 'faster. ', suffix: ' Small batches make' },
      start: at('Small batches make feedback cheap.', 0),
      how: 'exact',
    },
    {
      name: 'a repeated quote: the second when the context says so',
      quote: { exact: 'Small batches make feedback cheap.', prefix: 'make feedback cheap. ', suffix: ' That is' },
      start: at('Small batches make feedback cheap.', 1),
      how: 'exact',
    },
    {
      name: 'the quote alone when its context changed and it stands once',
      quote: { exact: 'That is the whole trick', prefix: 'an edited intro ', suffix: ' and more' },
      start: at('That is the whole trick'),
      how: 'unique',
    },
    {
      name: 'a repeated quote whose context changed: the place the context is closest to',
      quote: {
        exact: 'Small batches make feedback cheap.',
        prefix: 'feedback cheaper. ',
        suffix: ' That was the trick',
      },
      start: at('Small batches make feedback cheap.', 1),
      how: 'approx',
    },
    {
      name: 'a block boundary reads as a space, as when the quote was kept',
      quote: { exact: 'software. One Two' },
      start: at('software. One Two'),
      how: 'exact',
    },
  ])('$name', ({ quote, start, how }) => {
    const anchor = anchorQuote(text, quote);
    expect(anchor).toEqual({ start, end: start + quote.exact.length, how });
  });

  it('a repeated quote with the same text after it: the one its prefix names', () => {
    const twice = readPageText(page('<p>Alpha: keep it small. End.</p><p>Beta: keep it small. End.</p>')).text;
    const second = twice.lastIndexOf('keep it small.');
    expect(
      anchorQuote(twice, { exact: 'keep it small.', prefix: 'Alpha: keep it small. End. Beta: ', suffix: ' End.' }),
    ).toEqual({ start: second, end: second + 'keep it small.'.length, how: 'exact' });
  });

  it('finds a quote the page has edited within a tenth of its characters, where the context fits', () => {
    // 4 edits in 71 characters: "That's" for "That is", "oldest" for "older".
    const quote = {
      exact: 'That is the whole trick, and it is older than software. One Two',
      prefix: 'make feedback cheap. ',
    };
    const edited = text.replace('That is the whole trick, and it is older', "That's the whole trick, and it is oldest");
    const anchor = anchorQuote(edited, quote);
    expect(anchor?.how).toBe('approx');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(
      "That's the whole trick, and it is oldest than software. One Two",
    );
  });

  it('does not find a quote edited beyond a tenth of its characters', () => {
    const quote = { exact: 'That is the whole trick, and it is older than software.', prefix: 'cheap. ' };
    // 11 edits in 55 characters.
    const edited = text.replace(
      'That is the whole trick, and it is older',
      'This was the entire trick, and it is older',
    );
    expect(anchorQuote(edited, quote)).toBeNull();
  });

  it('does not find a quote whose words were taken out of the page', () => {
    expect(anchorQuote(text, { exact: 'Retrospectives are a waste of everybody’s time.' })).toBeNull();
  });

  it('a quote cut at the stored cap is found by the part kept', () => {
    const long = `${'word '.repeat(1_000)}end of the long passage`;
    const stored = `${long.slice(0, LIMITS.quote - 1)}…`;
    const anchor = anchorQuote(`Before. ${long} After.`, { exact: stored, suffix: ' After.' });
    expect(anchor?.start).toBe('Before. '.length);
  });

  it('spends no more than its budget on tolerant searches, and says not found beyond it', () => {
    const big = 'lorem ipsum dolor sit amet '.repeat(4_000);
    const quote = { exact: 'a sentence that has been rewritten since it was kept here' };
    const budget = { left: APPROX_BUDGET };
    expect(anchorQuote(big, quote, { budget })).toBeNull();
    expect(budget.left).toBeLessThan(APPROX_BUDGET);
    expect(anchorQuote(big, quote, { budget: { left: 0 } })).toBeNull();
  });
});

describe('the place found, as a range of the page', () => {
  it('covers exactly the quote across elements and folded white space', () => {
    const doc = page('<p>Ship <em>small</em>\n\n   changes,   <strong>often</strong>.</p><p>Next one.</p>');
    expect(placeText(doc, { exact: 'small changes, often.', prefix: 'Ship ' })).toBe('small changes, often.');
  });

  it('skips scripts, styles and form fields as the capture did', () => {
    const doc = page(
      '<p>Alpha <script>var beta = 1;</script>beta gamma</p><textarea>beta gamma</textarea><p>delta</p>',
    );
    const text = readPageText(doc);
    expect(text.text).toBe('Alpha beta gamma delta');
    const anchor = anchorQuote(text.text, { exact: 'beta gamma delta' });
    const range = rangeOf(text, anchor!.start, anchor!.end, doc)!;
    expect([range.startContainer, range.startOffset]).toEqual([doc.querySelector('p')!.lastChild, 0]);
    expect([range.endContainer, range.endOffset]).toEqual([doc.querySelectorAll('p')[1]!.firstChild, 5]);
  });

  it('highlights every quote found and reports the one not found', () => {
    const doc = page(ARTICLE);
    const view = doc.defaultView as unknown as { CSS: { highlights?: unknown }; Highlight?: unknown };
    const registry = new Map<string, { ranges: Range[] }>();
    Object.defineProperty(view, 'CSS', { configurable: true, value: { highlights: registry } });
    view.Highlight = class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    };
    const answer = highlightQuotes(doc, [
      { id: 'a', exact: 'learn faster.' },
      { id: 'b', exact: 'That is the whole trick' },
      { id: 'c', exact: 'a passage taken out of the page since' },
    ]);
    expect(answer).toEqual({
      drawn: true,
      found: [
        { id: 'a', how: 'exact' },
        { id: 'b', how: 'exact' },
        { id: 'c', how: null },
      ],
    });
    expect(registry.get(HIGHLIGHT_NAME)?.ranges.map((range) => range.toString())).toEqual([
      'learn faster.',
      'That is the whole trick',
    ]);
  });
});

describe('a quote kept from a selection is found at the same place', () => {
  const word = fc.constantFrom('the', 'team', 'learns', 'small', 'batch', 'of', 'work', 'fast', 'review', 'a');
  const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
  const spacing = fc.constantFrom(' ', '  ', '\n   ', '\t');

  it('for any page of paragraphs and any selection of its words (property)', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 8 }),
        spacing,
        fc.nat(),
        fc.nat(),
        (paragraphs, space, a, b) => {
          const doc = page(paragraphs.map((p) => `<p>${p.split(' ').join(space)}</p>`).join(`${space}`));
          const nodes = [...doc.querySelectorAll('p')].map((p) => p.firstChild as Text);
          // A selection from a word's start in one paragraph to a word's end in the same or a later one.
          const starts = nodes.flatMap((node) => [...node.data.matchAll(/\S+/g)].map((m) => ({ node, at: m.index })));
          const from = starts[a % starts.length]!;
          const later = starts.slice(starts.indexOf(from));
          const last = later[b % later.length]!;
          const endAt = last.at + (/\S+/.exec(last.node.data.slice(last.at))?.[0].length ?? 0);
          const range = doc.createRange();
          range.setStart(from.node, from.at);
          range.setEnd(last.node, endAt);
          doc.getSelection()!.removeAllRanges();
          doc.getSelection()!.addRange(range);
          const read = readSelection(doc);
          if (!read || !('quote' in read)) throw new Error('nothing read');

          const text = readPageText(doc);
          const anchor = anchorQuote(text.text, read.quote);
          expect(anchor).not.toBeNull();
          const found = rangeOf(text, anchor!.start, anchor!.end, doc)!;
          expect(found.startContainer).toBe(from.node);
          expect(found.startOffset).toBe(from.at);
          expect(found.endContainer).toBe(last.node);
          expect(found.endOffset).toBe(endAt);
        },
      ),
      { numRuns: 300 },
    );
  });
});
