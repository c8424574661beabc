import fc from 'fast-check';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/resource';
import { resource } from './records';
import {
  criteriaFromQuery,
  criteriaToQuery,
  DEFAULT_CRITERIA,
  filterAndSort,
  hasFilters,
  lengthSeconds,
  tagCounts,
  toRow,
  type Criteria,
} from '../../../lib/library/filter';
import { queryTerms } from '../../../lib/library/search';

const LIBRARY = [
  resource({
    id: 'talk',
    kind: 'video',
    title: 'Lära av misstag',
    author: 'Konferens',
    durationSec: 1800,
    status: 'learned',
    sharedAt: 5,
    tags: ['feedback'],
    createdAt: 5000,
  }),
  resource({
    id: 'short-talk',
    kind: 'video',
    title: 'Övning ger färdighet',
    durationSec: 300,
    status: 'learning',
    tags: ['practice'],
    createdAt: 4000,
  }),
  resource({
    id: 'article',
    kind: 'article',
    title: 'Blameless postmortems',
    site: 'SRE Weekly',
    readingMinutes: 8,
    notes: 'Ask what went well',
    tags: ['feedback', 'sre'],
    createdAt: 3000,
  }),
  resource({
    id: 'page',
    kind: 'page',
    title: 'Team handbook',
    takeaways: takeawaysFromText('Write things down', 1),
    createdAt: 2000,
    sharedAt: 9,
    status: 'learned',
  }),
  resource({
    id: 'long-read',
    kind: 'article',
    title: 'The Fifth Discipline, summarised',
    readingMinutes: 45,
    createdAt: 1000,
  }),
].map(toRow);

const ids = (criteria: Partial<Criteria>) => {
  const full = { ...DEFAULT_CRITERIA, ...criteria };
  return filterAndSort(LIBRARY, full, queryTerms(full.query)).map((row) => row.id);
};

describe('filterAndSort', () => {
  it.each<[string, Partial<Criteria>, string[]]>([
    ['everything, newest first', {}, ['talk', 'short-talk', 'article', 'page', 'long-read']],
    ['oldest first', { sort: 'oldest' }, ['long-read', 'page', 'article', 'short-talk', 'talk']],
    [
      'shortest first, unknown length last',
      { sort: 'shortest' },
      ['short-talk', 'article', 'talk', 'long-read', 'page'],
    ],
    ['videos', { kind: 'video' }, ['talk', 'short-talk']],
    ['learned', { status: 'learned' }, ['talk', 'page']],
    ['shared', { shared: 'shared' }, ['talk', 'page']],
    ['not shared', { shared: 'unshared' }, ['short-talk', 'article', 'long-read']],
    ['by tag', { tag: 'feedback' }, ['talk', 'article']],
    ['kind and tag combine', { kind: 'article', tag: 'feedback' }, ['article']],
    ['status and shared combine', { status: 'learned', shared: 'unshared' }, []],
    ['search without diacritics', { query: 'lara' }, ['talk']],
    ['search in notes', { query: 'went well' }, ['article']],
    ['search in takeaways', { query: 'things down' }, ['page']],
    ['search by site', { query: 'sre weekly' }, ['article']],
    ['search by channel', { query: 'konferens' }, ['talk']],
    ['search by tag', { query: 'practice' }, ['short-talk']],
    ['search and filter combine', { query: 'feedback', kind: 'video' }, ['talk']],
    ['search, filter and sort combine', { query: 'e', kind: 'article', sort: 'shortest' }, ['article', 'long-read']],
  ])('%s', (_name, criteria, expected) => {
    expect(ids(criteria)).toEqual(expected);
  });
});

describe('lengthSeconds', () => {
  it.each<[Partial<Resource>, number]>([
    [{ kind: 'video', durationSec: 600 }, 600],
    [{ kind: 'article', readingMinutes: 5 }, 300],
    [{ kind: 'video', readingMinutes: 3 }, 180],
    [{ kind: 'page' }, Number.POSITIVE_INFINITY],
    [{ kind: 'video', durationSec: 0 }, Number.POSITIVE_INFINITY],
  ])('%j → %d', (fields, expected) => {
    expect(lengthSeconds({ kind: 'page', ...fields })).toBe(expected);
  });
});

describe('criteria in the hash', () => {
  it.each<[Record<string, string>, Criteria]>([
    [{}, DEFAULT_CRITERIA],
    [
      { q: 'lära', kind: 'video', status: 'learned', shared: 'shared', tag: 'sre', sort: 'shortest' },
      { query: 'lära', kind: 'video', status: 'learned', shared: 'shared', tag: 'sre', sort: 'shortest' },
    ],
    [{ kind: 'podcast', status: 'done', shared: 'maybe', sort: 'random' }, DEFAULT_CRITERIA],
  ])('%j', (query, expected) => {
    expect(criteriaFromQuery(query)).toEqual(expected);
  });

  it('round-trips any valid criteria', () => {
    fc.assert(
      fc.property(
        fc.record({
          query: fc.string(),
          kind: fc.constantFrom(undefined, 'video', 'article', 'page' as const),
          status: fc.constantFrom(undefined, 'queued', 'learning', 'learned' as const),
          shared: fc.constantFrom('any', 'shared', 'unshared' as const),
          tag: fc.constantFrom(undefined, 'sre', 'team work'),
          sort: fc.constantFrom('newest', 'oldest', 'shortest' as const),
        }),
        (criteria) => {
          const clean = Object.fromEntries(
            Object.entries(criteria).filter(([, v]) => v !== undefined),
          ) as unknown as Criteria;
          expect(criteriaFromQuery(criteriaToQuery(clean))).toEqual(clean);
        },
      ),
    );
  });

  it.each<[Partial<Criteria>, boolean]>([
    [{}, false],
    [{ sort: 'oldest' }, false],
    [{ query: '  ' }, false],
    [{ query: 'x' }, true],
    [{ tag: 'x' }, true],
    [{ shared: 'unshared' }, true],
  ])('hasFilters(%j) → %s', (criteria, expected) => {
    expect(hasFilters({ ...DEFAULT_CRITERIA, ...criteria })).toBe(expected);
  });
});

describe('tagCounts', () => {
  it('counts each tag, most used first', () => {
    expect(tagCounts(LIBRARY)).toEqual([
      { tag: 'feedback', count: 2 },
      { tag: 'practice', count: 1 },
      { tag: 'sre', count: 1 },
    ]);
  });
});
