import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, matchesTerms, narrows, queryTerms, searchText } from '../../../lib/library/search';

describe('foldText', () => {
  it.each([
    ['Lära', 'lara'],
    ['ÖVNING', 'ovning'],
    ['Återkoppling på övningar', 'aterkoppling pa ovningar'],
    ['Café Crème', 'cafe creme'],
    ['Straße', 'strasse'],
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['ﬁrst ﬂoor', 'first floor'],
    ['ＦＵＬＬ width', 'full width'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['İstanbul', 'istanbul'],
    ['plain ascii', 'plain ascii'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('queryTerms', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['lara', ['lara']],
    ['  Lära   av  Övning ', ['lara', 'av', 'ovning']],
  ])('%j → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('searchText and matchesTerms', () => {
  const record = {
    title: 'Att lära av misstag',
    site: 'YouTube',
    author: 'Kanal för Övning',
    notes: 'Retrospektiv varje fredag',
    takeaways: [{ text: 'Fråga "vad gick bra?" först' }],
    tags: ['feedback', 'team work'],
    clips: [{ note: 'Bra exempel på blameless', chapter: 'Incidenter' }],
  };
  const text = searchText(record);

  it.each([
    ['lara', true],
    ['LÄRA', true],
    ['ovning', true],
    ['youtube', true],
    ['retrospektiv fredag', true],
    ['fraga', true],
    ['feedback', true],
    ['team work', true],
    ['blameless', true],
    ['lara misstag youtube', true],
    ['lara saknas', false],
    ['description', false],
  ])('query %j matches: %s', (query, expected) => {
    expect(matchesTerms(text, queryTerms(query))).toBe(expected);
  });

  it('never matches across two fields', () => {
    const t = searchText({ title: 'ends with abc', site: 'def starts' });
    expect(matchesTerms(t, queryTerms('abcdef'))).toBe(false);
    expect(matchesTerms(t, queryTerms('abc def'))).toBe(true);
  });

  it('the empty query matches everything', () => {
    expect(matchesTerms('', [])).toBe(true);
  });
});

describe('narrows', () => {
  it.each([
    [['lar'], ['lara'], true],
    [['lar'], ['lar', 'x'], true],
    [['a', 'b'], ['ab'], true],
    [['lara'], ['lar'], false],
    [['lara'], ['ovning'], false],
    [[], ['x'], true],
    [['x'], [], false],
  ])('%j then %j → %s', (previous, next, expected) => {
    expect(narrows(previous, next)).toBe(expected);
  });
});

// Letters a Swedish, German, French or Danish title holds, in both cases.
const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzåäöéèêëüïîôçñø ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÈÊËÜÏÎÔÇÑØ-.,:!?0123456789',
];
const latinText = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 60 }).map((chars) => chars.join(''));
const stripDiacritics = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '');

describe('search never misses a title that contains the query', () => {
  it('whatever the case and diacritics of the query', () => {
    fc.assert(
      fc.property(
        latinText,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('upper', 'lower', 'plain', 'stripped'),
        (title, a, b, variant) => {
          const start = a % title.length;
          const end = start + 1 + (b % (title.length - start));
          const piece = title.slice(start, end);
          const query =
            variant === 'upper'
              ? piece.toUpperCase()
              : variant === 'lower'
                ? piece.toLowerCase()
                : variant === 'stripped'
                  ? stripDiacritics(piece)
                  : piece;
          expect(matchesTerms(searchText({ title }), queryTerms(query))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('for any Unicode text, cut at grapheme boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (graphemes, a, b) => {
          const start = a % graphemes.length;
          const end = start + 1 + (b % (graphemes.length - start));
          const title = graphemes.join('');
          const query = graphemes.slice(start, end).join('');
          expect(matchesTerms(searchText({ title }), queryTerms(query))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('and a longer query never finds more than a shorter one it extends', () => {
    fc.assert(
      fc.property(fc.array(latinText, { minLength: 1, maxLength: 20 }), latinText, latinText, (titles, base, more) => {
        const texts = titles.map((title) => searchText({ title }));
        const short = queryTerms(base);
        const long = queryTerms(base + more);
        if (!narrows(short, long)) return;
        for (const text of texts) if (matchesTerms(text, long)) expect(matchesTerms(text, short)).toBe(true);
      }),
    );
  });
});
