import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookId, planHighlights, type ParsedHighlights } from '../../../lib/backup/highlights';
import { importText, prepareImport, previewImport, runImport } from '../../../lib/backup/import';
import { kindleTime, parseKindle, splitTitleLine } from '../../../lib/backup/kindle';
import { parseReadwise, readwiseTime } from '../../../lib/backup/readwise';
import { getDb } from '../../../lib/db/open';
import { addResource } from '../../../lib/db/resources';
import { activityRecord } from '../../../lib/activities/activity';
import type { Resource } from '../../../lib/model/resource';
import { readAll } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');
const NOW = Date.UTC(2026, 11, 8, 10);
/** What a parser read, without the normalised words it keeps for the plan. */
const bare = <T extends { words?: string }>(highlights: readonly T[]) => highlights.map(({ words: _w, ...h }) => h);
const local = (y: number, m: number, d: number, h: number, mi: number, s = 0) =>
  new Date(y, m - 1, d, h, mi, s).getTime();

describe('Readwise CSV export', () => {
  const parsed = parseReadwise(fixture('readwise.csv'), NOW);

  it('reads books by title and author, with commas, quotes and line breaks inside a highlight', () => {
    expect(parsed.source).toBe('readwise');
    expect(parsed.books.map((b) => [b.title, b.author])).toEqual([
      ['Thinking, Fast and Slow', 'Daniel Kahneman'],
      ['Accelerate: The Science of Lean Software, and DevOps', 'Nicole Forsgren, Jez Humble, Gene Kim'],
      ['How to Take Smart Notes (article)', 'Sönke Ahrens'],
    ]);
    const accelerate = parsed.books[1]!;
    // Folded to one line, as a quote holds it.
    expect(accelerate.highlights[0]!.text).toBe('A highlight with "quotes", commas, and a line break inside it.');
    expect(accelerate.asin).toBe('B07B9F83WM');
  });

  it('keeps page and location, the note and the time; Readwise-only positions are not kept', () => {
    const [thinking, accelerate, notes] = parsed.books;
    expect(bare(thinking!.highlights)[1]).toEqual({
      position: 2,
      text: 'We can be blind to the obvious, and we are also blind to our blindness.',
      note: 'Applies to code review, too.',
      location: { loc: '412' },
      createdAt: Date.UTC(2023, 3, 28, 8, 15),
    });
    expect(accelerate!.highlights[0]!.location).toEqual({ page: '42' });
    expect(accelerate!.highlights[1]).toMatchObject({ location: { page: 'xiv' }, note: 'A note on the page.' });
    expect(accelerate!.highlights[1]!.createdAt).toBeUndefined();
    expect(notes!.highlights[0]!.location).toBeUndefined();
    expect(thinking!.tags).toEqual(['psychology', 'decisions', 'favorite']);
  });

  it('skips an empty highlight, a highlight with no book and a repeat, each with its reason', () => {
    expect(parsed.skipped.map((s) => [s.position, s.reason, s.firstAt])).toEqual([
      [5, 'duplicate', 4],
      [7, 'empty-highlight', undefined],
      [8, 'missing-title', undefined],
    ]);
  });

  it('reads its times with a space or a T, with or without a zone', () => {
    expect(readwiseTime('2023-05-01 14:03:00+00:00', NOW)).toBe(Date.UTC(2023, 4, 1, 14, 3));
    expect(readwiseTime('2023-05-01T14:03:00+0200', NOW)).toBe(Date.UTC(2023, 4, 1, 12, 3));
    expect(readwiseTime('2023-05-01 14:03:00', NOW)).toBe(local(2023, 5, 1, 14, 3));
    expect(readwiseTime('yesterday', NOW)).toBeUndefined();
    expect(readwiseTime('2999-01-01 00:00:00+00:00', NOW)).toBeUndefined();
  });
});

describe('Kindle My Clippings.txt', () => {
  for (const name of ['kindle-clippings-lf.txt', 'kindle-clippings-crlf-bom.txt']) {
    it(`reads highlights, attaches notes, skips bookmarks, repeats and other languages (${name})`, () => {
      const { books, skipped } = parseKindle(fixture(name), NOW);
      expect(books.map((b) => [b.title, b.author])).toEqual([
        ['Thinking, Fast and Slow (Penguin Press Science)', 'Kahneman, Daniel'],
        ['The Pragmatic Programmer', 'Hunt, Andrew;Thomas, David'],
      ]);
      const [thinking, pragmatic] = books;
      expect(bare(thinking!.highlights)).toEqual([
        {
          position: 1,
          text: 'The confidence that individuals have in their beliefs depends mostly on the quality of the story they can tell.',
          note: 'Stories beat data.',
          location: { page: '12', loc: '170-172' },
          createdAt: local(2023, 5, 1, 14, 3),
        },
        {
          position: 4,
          text: 'System 1 operates automatically and quickly, with little or no effort.',
          location: { loc: '300-304' },
          createdAt: local(2023, 5, 2, 21, 6),
        },
      ]);
      expect(bare(pragmatic!.highlights)).toEqual([
        {
          position: 7,
          text: "Don't live with broken windows.",
          note: 'Fix them the day you see them.',
          location: { loc: '1503-1505' },
          createdAt: local(2011, 4, 4, 22, 12),
        },
      ]);
      expect(skipped.map((s) => [s.position, s.reason, s.firstAt])).toEqual([
        [3, 'duplicate', 4],
        [5, 'bookmark', undefined],
        [6, 'duplicate', 1],
        [9, 'bookmark', undefined],
        [10, 'language', undefined],
      ]);
    });
  }

  it('reads both date orders and older firmware’s', () => {
    expect(kindleTime('Monday, 1 May 2023 14:03:00', NOW)).toBe(local(2023, 5, 1, 14, 3));
    expect(kindleTime('Monday, May 1, 2023 2:03:00 PM', NOW)).toBe(local(2023, 5, 1, 14, 3));
    expect(kindleTime('Monday, April 04, 2011, 10:12 PM', NOW)).toBe(local(2011, 4, 4, 22, 12));
    expect(kindleTime('Friday, January 1, 2021 12:05:00 AM', NOW)).toBe(local(2021, 1, 1, 0, 5));
    expect(kindleTime('Montag, 1. Mai 2023 14:03:00', NOW)).toBeUndefined();
  });

  it('finds the author in the last parentheses', () => {
    expect(splitTitleLine('Dune (Herbert, Frank)')).toEqual({ title: 'Dune', author: 'Herbert, Frank' });
    expect(splitTitleLine('\uFEFFA (B) Story (C) (Author)')).toEqual({ title: 'A (B) Story (C)', author: 'Author' });
    expect(splitTitleLine('Notes without author')).toEqual({ title: 'Notes without author' });
  });

  it('keeps a note with no highlight near it as the book’s notes', () => {
    const text =
      'Book (Me)\n- Your Note on page 3 | Location 40 | Added on Monday, 1 May 2023 14:03:00\n\nAn early thought.\n==========\n';
    const { books } = parseKindle(text, NOW);
    expect(books).toEqual([{ title: 'Book', author: 'Me', tags: [], highlights: [], notes: ['An early thought.'] }]);
  });
});

describe('importing highlights into the library', () => {
  it('was refused before: a Readwise CSV has no url column, clippings are no known file', () => {
    expect(prepareImport(fixture('readwise.csv'), 'readwise.csv', NOW).kind).toBe('highlights');
    expect(prepareImport(fixture('kindle-clippings-lf.txt'), 'My Clippings.txt', NOW).kind).toBe('highlights');
    // Detected by content as well as by name.
    expect(prepareImport(fixture('kindle-clippings-crlf-bom.txt'), 'clippings.txt', NOW).source).toBe('kindle');
  });

  it('refuses, saying why, a clippings file with only bookmarks', () => {
    const text =
      'Book (Me)\n- Your Bookmark on page 3 | Location 40 | Added on Monday, 1 May 2023 14:03:00\n\n\n==========\n';
    expect(() => prepareImport(text, 'My Clippings.txt', NOW)).toThrow(/No highlights were found/);
  });

  it('makes books with quotes, locations and their own times, through preview and run; a second run adds nothing', async () => {
    const prepared = prepareImport(fixture('kindle-clippings-crlf-bom.txt'), 'My Clippings.txt', NOW);
    const preview = await previewImport(prepared, NOW);
    expect(preview.highlights).toEqual({
      books: { added: 2, updated: 0, unchanged: 0 },
      quotes: { added: 3, updated: 0, unchanged: 0 },
      skipped: 5,
    });
    const result = await runImport(prepared, { now: NOW });
    expect(result).toMatchObject({ source: 'kindle', added: 3, updated: 0, skipped: 5 });
    const { resources, reviews } = await readAll();
    const thinking = resources.find((r) => r.title.startsWith('Thinking'))!;
    expect(thinking).toMatchObject({
      kind: 'activity',
      activityType: 'book',
      author: 'Kahneman, Daniel',
      status: 'learning',
      happenedOn: '2023-05-01',
      createdAt: local(2023, 5, 1, 14, 3),
    });
    expect(thinking.quotes!.map((q) => [q.exact.slice(0, 20), q.note, q.location, q.createdAt])).toEqual([
      ['The confidence that ', 'Stories beat data.', { page: '12', loc: '170-172' }, local(2023, 5, 1, 14, 3)],
      ['System 1 operates au', '', { loc: '300-304' }, local(2023, 5, 2, 21, 6)],
    ]);
    expect(reviews).toHaveLength(3);
    expect(reviews.every((card) => card.due! > NOW)).toBe(true);

    const again = prepareImport(fixture('kindle-clippings-lf.txt'), 'My Clippings.txt', NOW + 60_000);
    expect((await previewImport(again, NOW + 60_000)).highlights).toMatchObject({
      books: { added: 0, updated: 0, unchanged: 2 },
      quotes: { added: 0, updated: 0, unchanged: 3 },
    });
    const second = await runImport(again, { now: NOW + 60_000 });
    expect(second).toMatchObject({ added: 0, updated: 0 });
    expect(second.reasons[0]).toEqual({ reason: 'already-saved', count: 3 });
    const after = await readAll();
    expect(after.resources).toEqual(resources);
    expect(after.reviews).toEqual(reviews);
  });

  it('adds to a book the user logged by hand (same title and author, any case)', async () => {
    const logged = activityRecord(
      { type: 'book', title: 'thinking, fast and slow', author: 'daniel kahneman', happenedOn: '2026-01-02' },
      'my-book',
      NOW - 1000,
    );
    await addResource(logged);
    const result = await importText(fixture('readwise.csv'), 'readwise.csv', { now: NOW });
    expect(result.highlights).toEqual({
      books: { added: 2, updated: 1, unchanged: 0 },
      quotes: { added: 5, updated: 0, unchanged: 0 },
    });
    const db = await getDb();
    const mine = (await db.get('resources', 'my-book'))!;
    expect(mine.quotes).toHaveLength(2);
    expect(mine.tags).toEqual(['psychology', 'decisions', 'favorite']);
    expect((await db.getAll('resources')).filter((r) => r.title.toLowerCase().startsWith('thinking'))).toHaveLength(1);
  });
});

describe('gentle review of imported highlights', () => {
  it('spreads 1,000 new quotes over the coming days, at most the setting a day, none due today', async () => {
    const books = Array.from({ length: 10 }, (_, b) => ({
      title: `Book ${b}`,
      tags: [],
      notes: [],
      highlights: Array.from({ length: 100 }, (_, h) => ({ position: b * 100 + h + 1, text: `Passage ${b}.${h}` })),
    }));
    const plan = planHighlights([], [], { source: 'readwise', books, skipped: [] }, NOW, 10);
    expect(plan.reviews).toHaveLength(1000);
    const byDay = new Map<string, number>();
    for (const card of plan.reviews) {
      const day = new Date(card.due!).toDateString();
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(...byDay.values())).toBe(10);
    expect(byDay.size).toBe(100);
    expect(Math.min(...plan.reviews.map((c) => c.due!))).toBeGreaterThan(NOW);
    expect(new Date(plan.reviews[0]!.due!).toDateString()).toBe(new Date(NOW + 86_400_000).toDateString());
  });
});

/** Well-formed clippings entries, for the properties. */
const entry = fc.record({
  title: fc.constantFrom('Dune', 'Deep Work', 'A (B) C'),
  author: fc.constantFrom('Herbert, Frank', 'Newport, Cal'),
  kind: fc.constantFrom('Highlight', 'Note', 'Bookmark'),
  start: fc.integer({ min: 1, max: 5000 }),
  length: fc.integer({ min: 0, max: 5 }),
  text: fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,40}$/),
});
const clippings = (entries: fc.Arbitrary<(typeof entry extends fc.Arbitrary<infer E> ? E : never)[]>) =>
  entries.map((list) =>
    list
      .map(
        (e) =>
          `${e.title} (${e.author})\n- Your ${e.kind} at location ${e.start}-${e.start + e.length} | Added on Monday, 1 May 2023 14:03:00\n\n${e.kind === 'Bookmark' ? '' : e.text}\n==========\n`,
      )
      .join(''),
  );

describe('properties', () => {
  it('no input throws: arbitrary text read as Readwise or Kindle', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        parseKindle(text, NOW);
        parseReadwise(
          `Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\n${text}`,
          NOW,
        );
        parseKindle(`A (B)\n- Your Highlight ${text}\n\n${text}\n==========\n`, NOW);
      }),
    );
  });

  it('planning the same file against the library after its import adds nothing', () => {
    fc.assert(
      fc.property(clippings(fc.array(entry, { maxLength: 30 })), (text) => {
        const parsed: ParsedHighlights = parseKindle(text, NOW);
        const first = planHighlights([], [], parsed, NOW, 5);
        const library: Resource[] = first.resources;
        const second = planHighlights(library, first.reviews, parseKindle(text, NOW), NOW + 1000, 5);
        expect(second.resources).toEqual([]);
        expect(second.reviews).toEqual([]);
        expect(second.quotes.added + second.quotes.updated).toBe(0);
        expect(second.quotes.unchanged).toBe(first.quotes.added);
        // Every book's id comes from its title and author.
        for (const book of first.resources) expect(book.id).toBe(bookId(book.title, book.author));
      }),
    );
  });

  it('no day gets more than the setting, the order is kept, nothing is due before tomorrow', async () => {
    const { spreadFirstReviews, startOfDayAfter } = await import('../../../lib/review/spread');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 120 })), { maxLength: 10 }),
        (count, perDay, now, busy) => {
          const taken = new Map(busy.map(([day, n]) => [new Date(startOfDayAfter(now, day)).toDateString(), n]));
          const localTaken = new Map(
            busy.map(([day, n]) => {
              const d = new Date(startOfDayAfter(now, day));
              const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
              return [key, n] as const;
            }),
          );
          const dues = spreadFirstReviews(count, perDay, now, localTaken);
          expect(dues).toHaveLength(count);
          const byDay = new Map<string, number>();
          for (const due of dues) {
            const day = new Date(due).toDateString();
            byDay.set(day, (byDay.get(day) ?? 0) + 1);
          }
          for (const [day, n] of byDay) expect(n + Math.min(taken.get(day) ?? 0, perDay)).toBeLessThanOrEqual(perDay);
          expect([...dues].sort((a, b) => a - b)).toEqual(dues);
          if (dues.length) expect(dues[0]!).toBeGreaterThanOrEqual(startOfDayAfter(now, 1));
        },
      ),
    );
  });
});

describe('a Readwise CSV exported here and imported again', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9,"'-]{1,8}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
  const note = fc.oneof(
    fc.constant(''),
    fc.array(sentence, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  );
  const location = fc.oneof(
    fc.constant(undefined),
    // Readwise writes 0 for "no place": a real page or location starts at 1.
    fc.stringMatching(/^[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?$/).map((loc) => ({ loc })),
    fc.stringMatching(/^([1-9][0-9]{0,2}|[ivx]{1,4})$/).map((page) => ({ page })),
  );
  const library = fc
    .uniqueArray(
      fc.record({
        title: sentence,
        author: fc.option(sentence, { nil: undefined }),
        book: fc.boolean(),
        quotes: fc.uniqueArray(fc.record({ exact: sentence, note, location }), {
          maxLength: 6,
          selector: (q) => q.exact.toLowerCase(),
        }),
      }),
      {
        minLength: 1,
        maxLength: 5,
        selector: (r) => `${r.title.toLowerCase()}\u0000${(r.author ?? '').toLowerCase()}`,
      },
    )
    .map((items) =>
      items.map((item, r): Resource => {
        const resource: Resource = {
          id: `r${r}`,
          kind: item.book ? 'activity' : 'page',
          title: item.title,
          notes: '',
          clips: [],
          takeaways: [],
          tags: [],
          status: 'learning',
          createdAt: NOW - 1_000_000,
          updatedAt: NOW - 1_000_000,
          quotes: item.quotes.map((q, i) => ({
            id: `q${r}-${i}`,
            exact: q.exact,
            note: q.note,
            createdAt: NOW - 1_000_000 + i * 1000,
            ...(q.location ? { location: q.location } : {}),
          })),
        };
        if (item.book) resource.activityType = 'book';
        else resource.url = resource.canonicalUrl = `https://example.com/${r}`;
        if (item.author) resource.author = item.author;
        return resource;
      }),
    );

  it('returns every quote’s text, note and location on a book of the same title and author; a second import adds nothing', async () => {
    const { quotesToReadwiseCsv } = await import('../../../lib/backup/readwise-export');
    fc.assert(
      fc.property(library, (resources) => {
        const { csv } = quotesToReadwiseCsv(resources);
        const into = (existing: Resource[]) => planHighlights(existing, [], parseReadwise(csv, NOW), NOW, 10);
        const fresh = into([]);
        const seen = (list: readonly Resource[]) =>
          list
            .flatMap((r) =>
              (r.quotes ?? []).map((q) =>
                JSON.stringify([r.title, r.author ?? '', q.exact, q.note, q.location ?? null]),
              ),
            )
            .sort();
        expect(seen(fresh.resources)).toEqual(seen(resources.filter((r) => r.quotes?.length)));
        const again = into(resources);
        expect(again.resources).toEqual([]);
        expect(again.reviews).toEqual([]);
        expect(again.quotes.unchanged).toBe(resources.reduce((n, r) => n + (r.quotes?.length ?? 0), 0));
        const twice = planHighlights(fresh.resources, fresh.reviews, parseReadwise(csv, NOW), NOW, 10);
        expect(twice.resources).toEqual([]);
      }),
    );
  });
});
