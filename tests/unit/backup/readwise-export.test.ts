import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { normaliseForId, planHighlights } from '../../../lib/backup/highlights';
import { parseReadwise } from '../../../lib/backup/readwise';
import { capLine, capText, LIMITS } from '../../../lib/infra/limits';
import type { Quote } from '../../../lib/model/quote';
import { quotesToReadwiseCsv, READWISE_COLUMNS, formatReadwiseTime } from '../../../lib/backup/readwise-export';
import type { Resource } from '../../../lib/model/resource';

const NOON = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

function resource(partial: Partial<Resource> & Pick<Resource, 'id' | 'title'>): Resource {
  return {
    kind: 'activity',
    activityType: 'book',
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'learning',
    createdAt: NOON(2026, 11, 2),
    updatedAt: NOON(2026, 11, 2),
    ...partial,
  };
}

const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe('quotes as a Readwise CSV', () => {
  it('has Readwise’s header exactly', () => {
    const { csv, quotes } = quotesToReadwiseCsv([]);
    expect(csv).toBe(
      'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\r\n',
    );
    expect(quotes).toBe(0);
    expect(READWISE_COLUMNS).toHaveLength(11);
  });

  it('commas, quotes and line breaks inside a highlight, a title and a note survive', () => {
    const book = resource({
      id: 'b1',
      title: 'Thinking, Fast and Slow',
      author: 'Kahneman, Daniel',
      tags: ['psychology', 'decisions'],
      quotes: [
        {
          id: 'q2',
          exact: 'He said "no", twice',
          note: 'Line one\nLine two, with a comma',
          createdAt: NOON(2026, 11, 6),
          location: { page: '402' },
        },
        {
          id: 'q1',
          exact: '=SUM(A1) is not a formula here\nand a second line',
          note: '',
          createdAt: NOON(2026, 11, 5),
          location: { page: '12', loc: '170-172' },
        },
      ],
    });
    const article = resource({
      id: 'a1',
      kind: 'article',
      activityType: undefined,
      url: 'https://example.com/',
      title: 'No author',
      quotes: [{ id: 'q3', exact: 'Plain', note: '', createdAt: Date.UTC(2026, 0, 2, 3, 4, 5) }],
    });
    const { csv, quotes } = quotesToReadwiseCsv([book, article]);
    expect(quotes).toBe(3);
    const parsed = rows(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...READWISE_COLUMNS]);
    expect(parsed.data).toEqual([
      {
        Highlight: '=SUM(A1) is not a formula here\nand a second line',
        'Book Title': 'Thinking, Fast and Slow',
        'Book Author': 'Kahneman, Daniel',
        'Amazon Book ID': '',
        Note: '',
        Color: '',
        Tags: '',
        'Location Type': 'location',
        Location: '170-172',
        'Highlighted at': '2026-11-05 12:00:00+00:00',
        'Document tags': 'psychology, decisions',
      },
      {
        Highlight: 'He said "no", twice',
        'Book Title': 'Thinking, Fast and Slow',
        'Book Author': 'Kahneman, Daniel',
        'Amazon Book ID': '',
        Note: 'Line one\nLine two, with a comma',
        Color: '',
        Tags: '',
        'Location Type': 'page',
        Location: '402',
        'Highlighted at': '2026-11-06 12:00:00+00:00',
        'Document tags': 'psychology, decisions',
      },
      {
        Highlight: 'Plain',
        'Book Title': 'No author',
        'Book Author': '',
        'Amazon Book ID': '',
        Note: '',
        Color: '',
        Tags: '',
        'Location Type': '',
        Location: '',
        'Highlighted at': '2026-01-02 03:04:05+00:00',
        'Document tags': '',
      },
    ]);
  });

  it('a resource without quotes gives no row; a damaged time an empty cell', () => {
    expect(quotesToReadwiseCsv([resource({ id: 'x', title: 'Empty' })]).quotes).toBe(0);
    expect(formatReadwiseTime(Number.NaN)).toBe('');
  });
});

describe('a Readwise CSV export imported again', () => {
  const NOW = Date.UTC(2026, 11, 8, 12);
  const line = (max: number) =>
    fc
      .string({ unit: 'grapheme', maxLength: max })
      .map((text) => capLine(text, max))
      .filter((text) => text !== '');
  const place = fc.option(
    fc.record({ page: line(LIMITS.quoteLocation), loc: line(LIMITS.quoteLocation) }, { requiredKeys: [] }),
    { nil: undefined },
  );
  const quote = fc.record({
    exact: line(300),
    note: fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => capText(text, LIMITS.quoteNote).trim()),
    createdAt: fc.integer({ min: Date.UTC(1995, 0, 1) / 1000, max: NOW / 1000 }).map((s) => s * 1000),
    location: place,
  });
  const book = fc.record({
    title: line(120),
    author: fc.option(line(60), { nil: undefined }),
    quotes: fc.uniqueArray(quote, { selector: (q) => normaliseForId(q.exact), minLength: 1, maxLength: 6 }),
  });
  const library = fc
    .uniqueArray(book, {
      selector: (b) => `${normaliseForId(b.title)}\u0000${normaliseForId(b.author ?? '')}`,
      maxLength: 8,
    })
    .map((books) =>
      books.map((b, i) =>
        resource({
          id: `book-${i}`,
          title: b.title,
          ...(b.author ? { author: b.author } : {}),
          quotes: b.quotes.map(
            (q, j): Quote => ({
              id: `q-${i}-${j}`,
              exact: q.exact,
              note: q.note,
              createdAt: q.createdAt,
              ...(q.location && (q.location.page || q.location.loc) ? { location: q.location } : {}),
            }),
          ),
        }),
      ),
    );

  /** One column holds the place: the location where both were known. */
  const expectedPlace = (q: Quote) =>
    q.location?.loc && q.location.loc !== '0'
      ? { loc: q.location.loc }
      : q.location?.page && q.location.page !== '0' && !q.location.loc
        ? { page: q.location.page }
        : undefined;

  it('returns every quote’s text, note, place and time, under its book by title and author', () => {
    fc.assert(
      fc.property(library, (resources) => {
        const parsed = parseReadwise(quotesToReadwiseCsv(resources).csv, NOW);
        expect(parsed.skipped).toEqual([]);
        const shape = (title: string, author: string | undefined, quotes: readonly Quote[]) => ({
          title,
          author: author || undefined,
          quotes: [...quotes]
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((q) => ({
              text: q.exact,
              note: q.note || undefined,
              location: expectedPlace(q),
              createdAt: q.createdAt,
            })),
        });
        expect(
          parsed.books.map((b) =>
            shape(
              b.title,
              b.author,
              b.highlights.map((h) => ({
                id: '',
                exact: h.text,
                note: h.note ?? '',
                createdAt: h.createdAt!,
                ...(h.location ? { location: h.location } : {}),
              })),
            ),
          ),
        ).toEqual(resources.map((r) => shape(r.title, r.author, r.quotes ?? [])));
      }),
      { numRuns: 150 },
    );
  });

  it('into the library it came from, adds nothing', () => {
    fc.assert(
      fc.property(library, (resources) => {
        const parsed = parseReadwise(quotesToReadwiseCsv(resources).csv, NOW);
        const plan = planHighlights(resources, [], parsed, NOW, 20);
        expect(plan.books.added).toBe(0);
        expect(plan.quotes.added).toBe(0);
        expect(plan.reviews).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
