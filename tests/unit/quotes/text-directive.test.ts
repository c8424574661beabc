import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSelection } from '../../../lib/capture/selection';
import { readDirectiveText } from '../../../lib/quotes/directive-text';
import type { FragmentParts } from '../../../lib/quotes/fragment';
import {
  buildDirective,
  checkedDirective,
  type DirectiveText,
  directiveParts,
  directiveTextOf,
  findDirective,
  type TextSpan,
} from '../../../lib/quotes/text-directive';

// A quote's link must open at the quote: the directive is checked against the page's text by the
// spec's matching before it is kept, and built from the quote and its context when the generator
// gives none (timed out, "ambiguous") or one that selects something else.

/** The span of the `nth` (0-based) occurrence of `words` in the page. */
function spanOf(page: DirectiveText, words: string, nth = 0): TextSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = page.shown.indexOf(words, at + 1);
    if (at < 0) throw new Error(`not in the page: ${words}`);
  }
  return { start: at, end: at + words.length };
}

/** What a browser opening `directive` on the page would mark. */
function opened(page: DirectiveText, directive: string): string | undefined {
  const parts = directiveParts(directive);
  const first = parts && findDirective(page, parts, 1)[0];
  return first && page.shown.slice(first.start, first.end);
}

describe('matching a directive as browsers do', () => {
  const page = directiveTextOf([
    'Teams that review often learn faster.',
    'Small batches make feedback cheap. Small batches make reviews short.',
    'The review is where teams learn. Reviewing is a habit.',
  ]);
  it.each<[string, FragmentParts, string[]]>([
    ['a phrase, case and accents aside', { textStart: 'SMALL BATCHES make feedback' }, ['Small batches make feedback']],
    [
      'every place of a repeated phrase, in page order',
      { textStart: 'small batches' },
      ['Small batches', 'Small batches'],
    ],
    ['a prefix picks the place', { prefix: 'cheap.', textStart: 'small batches' }, ['Small batches']],
    ['a suffix picks the place', { textStart: 'small batches make', suffix: 'reviews' }, ['Small batches make']],
    [
      'start and end span the words between',
      { textStart: 'small batches', textEnd: 'feedback cheap.' },
      ['Small batches make feedback cheap.'],
    ],
    ['only whole words: "review" is not in "reviews" or "Reviewing"', { textStart: 'review' }, ['review', 'review']],
    ['a term never runs across two blocks', { textStart: 'faster. Small' }, []],
    [
      'but a prefix may end the block before',
      { prefix: 'learn faster.', textStart: 'Small batches' },
      ['Small batches'],
    ],
    ['a prefix must touch the start', { prefix: 'Teams', textStart: 'learn faster' }, []],
  ])('%s', (_name, parts, expected) => {
    expect(findDirective(page, parts, 5).map((span) => page.shown.slice(span.start, span.end))).toEqual(expected);
  });
});

describe('building a directive for a quote', () => {
  it('a short quote that occurs once is its own words', () => {
    const page = directiveTextOf(['Ship small, ship often.', 'Then rest.']);
    expect(buildDirective(page, spanOf(page, 'Then rest.'))).toEqual({ directive: 'text=Then%20rest.', fit: 'unique' });
  });

  it('a repeated sentence takes as much context as makes it the only one', () => {
    const sentence = 'We ship on Fridays when the tests pass.';
    const page = directiveTextOf([`Monday: ${sentence} Tuesday: ${sentence}`, `Wednesday: ${sentence}`]);
    const target = spanOf(page, sentence, 1);
    const built = buildDirective(page, target);
    expect(built?.fit).toBe('unique');
    expect(built?.directive).toBe(`text=Tuesday%3A-,We%20ship%20on%20Fridays%20when%20the%20tests%20pass.`);
    expect(findDirective(page, directiveParts(built!.directive)!, 5)).toEqual([target]);
  });

  it('a long passage is found by its first and last words', () => {
    const paragraph = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const page = directiveTextOf(['Intro.', paragraph, 'Outro.']);
    const built = buildDirective(page, spanOf(page, paragraph));
    expect(built).toEqual({ directive: 'text=word0%20word1%20word2,word57%20word58%20word59', fit: 'unique' });
  });

  it('the end is never an earlier place of the last words: it grows until the first place is the quote’s end', () => {
    const paragraph = 'to be or not to be, that is the question whether to be or not to be';
    const page = directiveTextOf([paragraph]);
    const built = buildDirective(page, spanOf(page, paragraph));
    expect(opened(page, built!.directive)).toBe(paragraph);
    expect(built!.fit).toBe('unique');
  });

  it('a passage across paragraphs starts in the first and ends in the last', () => {
    const page = directiveTextOf(['One two three four five six seven eight nine ten eleven.', 'Twelve thirteen.']);
    const target = { start: page.shown.indexOf('six'), end: page.shown.length };
    const built = buildDirective(page, target);
    expect(built?.fit).toBe('unique');
    expect(opened(page, built!.directive)).toBe('six seven eight nine ten eleven.\nTwelve thirteen.');
  });

  it('reserved characters in the words are encoded as the spec asks (- , &)', () => {
    const page = directiveTextOf(['R&D, well-kept notes.', 'R&D, well-kept notes.', 'x R&D, well-kept notes.']);
    const built = buildDirective(page, spanOf(page, 'R&D, well-kept notes.', 2));
    expect(built?.directive).toBe('text=x-,R%26D%2C%20well%2Dkept%20notes.');
    expect(opened(page, built!.directive)).toBe('R&D, well-kept notes.');
  });

  it('three identical paragraphs: the first opens first, the last cannot be told apart and says so', () => {
    const page = directiveTextOf(['Same words here.', 'Same words here.', 'Same words here.']);
    expect(buildDirective(page, spanOf(page, 'Same words here.', 0))?.fit).toBe('first');
    // The middle one is the only one with the same words on both sides.
    expect(buildDirective(page, spanOf(page, 'Same words here.', 1))?.fit).toBe('unique');
    expect(buildDirective(page, spanOf(page, 'Same words here.', 2))?.fit).toBe('missed');
  });
});

describe('the generator’s directive is checked before it is kept', () => {
  const sentence = 'The retro is where the team learns what to change next.';
  const page = directiveTextOf([`Week one. ${sentence}`, `Week two. ${sentence}`]);
  const target = spanOf(page, sentence, 1);

  it('kept when the page confirms it finds the quote alone', () => {
    const generated = { prefix: 'Week two.', textStart: 'The retro is where', textEnd: 'change next.' };
    expect(checkedDirective(page, target, generated)).toEqual({
      directive: 'text=Week%20two.-,The%20retro%20is%20where,change%20next.',
      fit: 'unique',
    });
  });

  it('built from the quote when the generator timed out or called it ambiguous (no directive)', () => {
    const checked = checkedDirective(page, target, undefined);
    expect(checked?.fit).toBe('unique');
    expect(opened(page, checked!.directive)).toBe(sentence);
    expect(findDirective(page, directiveParts(checked!.directive)!, 5)).toEqual([target]);
  });

  it('replaced when it opens somewhere else (the generator’s over-selection, #75)', () => {
    const overSelecting = { textStart: 'The retro is where', textEnd: 'change next.' };
    const checked = checkedDirective(page, target, overSelecting);
    expect(checked?.directive).not.toBe('text=The%20retro%20is%20where,change%20next.');
    expect(findDirective(page, directiveParts(checked!.directive)!, 5)).toEqual([target]);
  });
});

describe('the page’s text as directives see it (happy-dom)', () => {
  function page(html: string): Document {
    document.documentElement.lang = 'en';
    document.body.innerHTML = html;
    return document;
  }

  it('blocks break the text; inline elements, hidden text and scripts do not count', () => {
    const doc = page(
      '<h2>Why   retros</h2><p>We <em>always</em> ship<span style="display:none"> hidden</span> on Fridays.<script>var x = 1;</script></p><ul><li>One</li><li>Two</li></ul>',
    );
    expect(readDirectiveText(doc).page.shown).toBe('Why retros\nWe always ship on Fridays.\nOne\nTwo');
    expect(readDirectiveText(doc).page.key).toBe('why retros\nwe always ship on fridays.\none\ntwo');
  });

  it('the selection is placed by position, not by its words', () => {
    const doc = page('<p>Same words here.</p><p>Same words here.</p>');
    const second = doc.querySelectorAll('p')[1]!.firstChild!;
    const range = doc.createRange();
    range.setStart(second, 0);
    range.setEnd(second, 'Same words here.'.length);
    const { page: text, target } = readDirectiveText(doc, range);
    expect(target).toEqual({ start: 17, end: 33 });
    expect(text.shown.slice(target!.start, target!.end)).toBe('Same words here.');
  });

  it('a selection the generator gives up on still gets a link that opens at it', () => {
    const sentence = 'Small batches make feedback cheap and reviews short.';
    const doc = page(`<p>Monday. ${sentence}</p><p>Tuesday. ${sentence}</p><p>Wednesday. ${sentence}</p>`);
    const node = doc.querySelectorAll('p')[1]!.firstChild!;
    const range = doc.createRange();
    range.setStart(node, 'Tuesday. '.length);
    range.setEnd(node, (node as Text).data.length);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    const read = readSelection(doc, () => {
      throw new Error('Fragment generation timed out after 518 ms.');
    }) as { quote: { exact: string; fragment?: string }; link: string };
    expect(read.quote.exact).toBe(sentence);
    expect(read.link).toBe('unique');
    expect(read.quote.fragment).toBe(
      'text=Tuesday.-,Small%20batches%20make%20feedback%20cheap%20and%20reviews%20short.',
    );
    const { page: text, target } = readDirectiveText(doc, range);
    expect(findDirective(text, directiveParts(read.quote.fragment!)!, 5)).toEqual([target]);
  });
});

describe('property: a built directive opens exactly at its quote', () => {
  // A small vocabulary repeats words, phrases and whole sentences, as long pages do.
  const word = fc.constantFrom(
    'the',
    'team',
    'learns',
    'ship',
    'small',
    'Small',
    'often,',
    'review.',
    'R&D',
    'well-kept',
  );
  const block = fc.array(word, { minLength: 1, maxLength: 24 });

  it('wherever the quote is, the first place found is the quote; a unique link finds nothing else', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), (blocks, b, s, l) => {
        const page = directiveTextOf(blocks.map((words) => words.join(' ')));
        const inBlock = blocks[b % blocks.length]!;
        const from = s % inBlock.length;
        const to = from + 1 + (l % (inBlock.length - from));
        const blockStart =
          page.shown
            .split('\n')
            .slice(0, b % blocks.length)
            .join('\n').length + (b % blocks.length ? 1 : 0);
        const offset = inBlock.slice(0, from).join(' ').length + (from ? 1 : 0);
        const target = {
          start: blockStart + offset,
          end: blockStart + offset + inBlock.slice(from, to).join(' ').length,
        };
        const built = buildDirective(page, target);
        expect(built).toBeDefined();
        const found = findDirective(page, directiveParts(built!.directive)!, 2);
        if (built!.fit === 'unique') expect(found).toEqual([target]);
        if (built!.fit === 'first') expect(found[0]).toEqual(target);
      }),
      { numRuns: 300 },
    );
  });

  it('when every paragraph differs somewhere, the link is never missed', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (blocks, b, s, l) => {
        // Paragraphs of up to 24 words, each ending in a word of its own.
        const texts = blocks.map((words, i) => [...words, `§${i}`]);
        const page = directiveTextOf(texts.map((words) => words.join(' ')));
        const index = b % texts.length;
        const inBlock = texts[index]!;
        const from = s % inBlock.length;
        const to = from + 1 + (l % (inBlock.length - from));
        const blockStart = texts.slice(0, index).reduce((sum, words) => sum + words.join(' ').length + 1, 0);
        const offset = inBlock.slice(0, from).join(' ').length + (from ? 1 : 0);
        const target = {
          start: blockStart + offset,
          end: blockStart + offset + inBlock.slice(from, to).join(' ').length,
        };
        const built = buildDirective(page, target);
        expect(built?.fit).toBe('unique');
        expect(findDirective(page, directiveParts(built!.directive)!, 2)).toEqual([target]);
      }),
      { numRuns: 300 },
    );
  });
});
