import { describe, expect, it } from 'vitest';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import {
  ACTIVITY_TYPES,
  activityFromAnswer,
  activityRecord,
  type ActivityInput,
  checkActivity,
  isDay,
  isIsbn,
} from '../../../lib/activities/activity';
import { logActivity } from '../../../lib/app/activities';
import { editResource, getResource } from '../../../lib/app/resources';
import { importText } from '../../../lib/backup/import';
import { criteriaFromQuery, matchesRow, toRow } from '../../../lib/library/filter';
import { queryTerms } from '../../../lib/library/search';
import { useDictionary } from '../../../lib/i18n';
import { activityPromptId, promptText, resourceCandidates } from '../../../lib/prompts/catalogue';
import { collectResourceDigest } from '../../../lib/app/share-reads';
import { digestMarkdown, digestSlack } from '../../../lib/share/digest';
import { buildPayloads } from '../../../lib/share/payloads';
import { readLocale } from '../../../scripts/locales';
import { backupText, readAll, sampleRecords } from '../backup/helpers';

// Learning with no link: a workshop, a book, a day shadowing a colleague.

const NOW = Date.UTC(2026, 10, 26, 15); // Thursday 26 Nov 2026
const shadowing: ActivityInput = {
  type: 'shadowing',
  title: 'A day with Anna in support',
  happenedOn: '2026-11-24',
  withWhom: 'Anna Berg',
};

describe('the activity model', () => {
  it.each<[string, Partial<ActivityInput>, string[]]>([
    ['a complete one', {}, []],
    ['no title', { title: '   ' }, ['title']],
    ['an unknown type', { type: 'party' as never }, ['type']],
    ['no day', { happenedOn: '' }, ['happenedOn']],
    ['a day that does not exist', { happenedOn: '2026-02-30' }, ['happenedOn']],
    ['a day written another way', { happenedOn: '24/11/2026' }, ['happenedOn']],
    ['a day still to come', { happenedOn: '2026-12-24' }, ['happenedOn']],
    ['today', { happenedOn: '2026-11-26' }, []],
    ['zero minutes', { durationMin: 0 }, ['durationMin']],
    ['minutes that are not a number', { durationMin: Number.NaN }, ['durationMin']],
    ['a valid ISBN-13', { isbn: '978-0-306-40615-7' }, []],
    ['a valid ISBN-10 ending in X', { isbn: '0-8044-2957-X' }, []],
    ['an ISBN with a wrong check digit', { isbn: '978-0-306-40615-8' }, ['isbn']],
  ])('%s', (_name, change, problems) => {
    expect(checkActivity({ ...shadowing, ...change }, NOW)).toEqual(problems);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['1899-12-31', false],
    ['2026-1-5', false],
  ])('%s is a day: %s', (value, day) => {
    expect(isDay(value)).toBe(day);
  });

  it('ISBNs: both lengths, spaces and hyphens allowed, the check digit checked', () => {
    expect(['9780306406157', '978 0 306 40615 7', '0306406152', '080442957X'].every(isIsbn)).toBe(true);
    expect(['9780306406158', '030640615', 'abcdefghij', ''].some(isIsbn)).toBe(false);
  });

  it('a record with no address, done things learned and a book still being read', () => {
    const record = activityRecord({ ...shadowing, durationMin: 90, notes: ' notes ' }, 'a1', NOW);
    expect(record).toEqual({
      id: 'a1',
      kind: 'activity',
      activityType: 'shadowing',
      title: 'A day with Anna in support',
      happenedOn: '2026-11-24',
      withWhom: 'Anna Berg',
      durationSec: 5400,
      notes: 'notes',
      clips: [],
      takeaways: [],
      tags: [],
      status: 'learned',
      learnedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect('url' in record || 'canonicalUrl' in record).toBe(false);
    const book = activityRecord(
      { type: 'book', title: 'The Fifth Discipline', happenedOn: '2026-11-20', isbn: '0-385-26094-6' },
      'b1',
      NOW,
    );
    expect(book).toMatchObject({ status: 'learning', isbn: '0385260946' });
    expect(book.learnedAt).toBeUndefined();
  });

  it('a reflection about learning with no link becomes one, titled by its first line', () => {
    expect(activityFromAnswer('Paired with Sam on the incident review\nHe asks why five times.', NOW)).toEqual({
      type: 'other',
      title: 'Paired with Sam on the incident review',
      happenedOn: '2026-11-26',
      notes: 'Paired with Sam on the incident review\nHe asks why five times.',
    });
  });
});

describe('logging and finding activities', () => {
  it('two activities, no address between them, both stored; the form’s problems are returned instead', async () => {
    const first = await logActivity(shadowing, NOW);
    const second = await logActivity({ type: 'workshop', title: 'Old truths workshop', happenedOn: '2026-11-17' }, NOW);
    expect(first.ok && second.ok).toBe(true);
    expect((await readAll()).resources.map((r) => [r.kind, r.url])).toEqual([
      ['activity', undefined],
      ['activity', undefined],
    ]);
    expect(await logActivity({ ...shadowing, title: '' }, NOW)).toEqual({ ok: false, problems: ['title'] });
    expect((await readAll()).resources).toHaveLength(2);
  });

  it('edits its own fields on its page; a page ignores them', async () => {
    const logged = await logActivity({ type: 'book', title: 'Team of Teams', happenedOn: '2026-11-01' }, NOW);
    if (!logged.ok) throw new Error('not logged');
    await editResource(logged.resource.id, {
      activity: {
        happenedOn: '2026-11-02',
        withWhom: 'Book club',
        durationMin: 45,
        author: 'McChrystal',
        isbn: '9780306406157',
      },
    });
    expect(await getResource(logged.resource.id)).toMatchObject({
      happenedOn: '2026-11-02',
      withWhom: 'Book club',
      durationSec: 2700,
      author: 'McChrystal',
      isbn: '9780306406157',
    });
    await editResource(logged.resource.id, { activity: { withWhom: null, isbn: 'not an isbn', happenedOn: 'soon' } });
    const after = await getResource(logged.resource.id);
    expect(after?.withWhom).toBeUndefined();
    expect(after?.isbn).toBe('9780306406157');
    expect(after?.happenedOn).toBe('2026-11-02');
  });

  it('the library filters by Activity and by each kind of learning; search finds the people', () => {
    const row = toRow(activityRecord(shadowing, 'a1', NOW));
    const page = toRow(sampleRecords(2).resources[1]!);
    const activities = criteriaFromQuery({ kind: 'activity' });
    const shadowings = criteriaFromQuery({ kind: 'activity', type: 'shadowing' });
    const books = criteriaFromQuery({ kind: 'activity', type: 'book' });
    expect([matchesRow(row, activities, []), matchesRow(page, activities, [])]).toEqual([true, false]);
    expect([matchesRow(row, shadowings, []), matchesRow(row, books, [])]).toEqual([true, false]);
    expect(criteriaFromQuery({ kind: 'video', type: 'book' }).activityType).toBeUndefined();
    expect(matchesRow(row, criteriaFromQuery({}), queryTerms('berg'))).toBe(true);
  });
});

describe('importing activities: strict', () => {
  const withActivity = (change: Record<string, unknown>) => {
    const records = sampleRecords(2);
    const activity = { ...activityRecord(shadowing, 'act-1', NOW), ...change };
    records.resources.push(activity as never);
    return backupText(records);
  };

  it('a well-formed one imports, with no address', async () => {
    await importText(withActivity({}), 'ok.json');
    expect((await readAll()).resources.find((r) => r.id === 'act-1')).toMatchObject({
      kind: 'activity',
      withWhom: 'Anna Berg',
    });
  });

  it.each([
    [
      'an address on an activity',
      { url: 'https://example.org/', canonicalUrl: 'https://example.org/' },
      /field “url” does not belong here/,
    ],
    ['no day', { happenedOn: undefined }, /field “happenedOn” is missing/],
    ['a day that is not one', { happenedOn: '2026-02-30' }, /field “happenedOn” must be a date written YYYY-MM-DD/],
    ['an unknown type', { activityType: 'party' }, /field “activityType”/],
    ['no type', { activityType: undefined }, /field “activityType” is missing/],
  ])('%s is refused, naming the record and field, and nothing is written', async (_name, change, message) => {
    const error = (await importText(withActivity(change), 'bad.json').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/Resource 3 \(id “act-1”\)/);
    expect(error.message).toMatch(message);
    expect((await readAll()).resources).toHaveLength(0);
  });

  it('a page without an address, or with an activity’s day, is refused too', async () => {
    const records = sampleRecords(2);
    const { url: _url, ...noUrl } = records.resources[1]!;
    await expect(
      importText(backupText({ ...records, resources: [records.resources[0]!, noUrl] }), 'x.json'),
    ).rejects.toThrow(/field “url” is missing/);
    const withDay = { ...records.resources[1]!, happenedOn: '2026-11-24' };
    await expect(importText(backupText({ ...records, resources: [withDay] }), 'y.json')).rejects.toThrow(
      /field “happenedOn” does not belong here/,
    );
  });
});

describe('activities in prompts and the digest', () => {
  const record = activityRecord(shadowing, 'a1', NOW);

  it('each kind of learning has its own question, in English and Swedish', () => {
    for (const type of ACTIVITY_TYPES) {
      const candidate = {
        promptId: activityPromptId(type),
        group: 'resources' as const,
        kind: 'resource' as const,
        resourceTitle: 'X',
      };
      expect(promptText(candidate)).toMatch(/\?$/);
    }
    const [asked] = resourceCandidates([record], NOW + 86_400_000).filter((c) => c.promptId.startsWith('activity_'));
    expect(promptText(asked!)).toBe('What does your colleague do that you will try?');
    expect(
      promptText({ promptId: activityPromptId('workshop'), group: 'resources', kind: 'resource', resourceTitle: 'X' }),
    ).toBe('Which old truth did you question, and what now?');
    expect(
      promptText({ promptId: activityPromptId('customers'), group: 'resources', kind: 'resource', resourceTitle: 'X' }),
    ).toBe('What surprised you about how they see us?');
    useDictionary('sv', readLocale('sv'));
    expect(promptText(asked!)).toBe('Vad gör din kollega som du kommer att prova?');
    expect(
      promptText({ promptId: activityPromptId('book'), group: 'resources', kind: 'resource', resourceTitle: 'Boken' }),
    ).toBe('Vad från ”Boken” kommer du att prova på jobbet den här veckan?');
    // Two weeks on, it is not asked about any more.
    useDictionary('en', null);
    expect(resourceCandidates([record], NOW + 15 * 86_400_000).some((c) => c.promptId.startsWith('activity_'))).toBe(
      false,
    );
  });

  it('the digest lists it by its kind, with its day and people and takeaways, and no link', async () => {
    const digest = await collectResourceDigest(
      { ...record, takeaways: takeawaysFromText('Ask why before how\nWrite the reply *first*', 1) },
      { timeZone: 'UTC' },
    );
    const markdown = digestMarkdown(digest);
    expect(markdown).toContain(
      '## A day with Anna in support\n\nShadowing a colleague · 24 Nov 2026 · with Anna Berg · Learned',
    );
    expect(markdown).toContain('- Ask why before how\n- Write the reply *first*');
    expect(markdown).not.toContain('](');
    expect(digestSlack(digest)).toContain('*A day with Anna in support*');
    const [generic] = buildPayloads('generic', digest) as { items: Record<string, unknown>[] }[];
    expect(generic!.items[0]).toMatchObject({
      url: null,
      kind: 'activity',
      activityType: 'shadowing',
      happenedOn: '2026-11-24',
      withWhom: 'Anna Berg',
    });
  });
});
