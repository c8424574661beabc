import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAction, editAction } from '../../../lib/app/actions';
import { addClip, editResources, saveCapturedPage } from '../../../lib/app/resources';
import { collectDigest, listTeachForward } from '../../../lib/app/share-reads';
import { addTakeaways } from '../../../lib/app/takeaways';
import { importText } from '../../../lib/backup/import';
import type { Action } from '../../../lib/model/action';
import type { Resource } from '../../../lib/model/resource';
import type { ReviewCard } from '../../../lib/model/review-card';
import { digestMarkdown, digestSummary } from '../../../lib/share/digest';
import { periodFor } from '../../../lib/share/period';
import { periodWork, type WorkReason } from '../../../lib/share/period-work';
import { backupText, sampleRecords } from '../backup/helpers';

// The digest carries the period's real work: a resource belongs to a period when, in it, it got a
// takeaway, quote or clip, an action from it was done, it was logged, marked Learned or shared,
// each judged by that part's own time.

const DAY = 86_400_000;
/** Monday 7 December 2026, 09:00 local time: "this week" is 7–13 December. */
const MONDAY = new Date(2026, 11, 7, 9).getTime();
const WEEK = periodFor('this-week', MONDAY);
const LONG_AGO = new Date(2026, 5, 1, 9).getTime();

function resource(fields: Partial<Resource> = {}): Resource {
  return {
    id: 'r',
    url: 'https://example.org/r',
    canonicalUrl: 'https://example.org/r',
    kind: 'article',
    title: 'R',
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    ...fields,
  };
}

function action(fields: Partial<Action> = {}): Action {
  return {
    id: 'a',
    text: 'Try it',
    source: { kind: 'resource', id: 'r' },
    status: 'open',
    createdAt: LONG_AGO,
    updatedAt: LONG_AGO,
    ...fields,
  };
}

const IN = MONDAY + DAY;
const takeaway = (at: number) => ({ id: `t${at}`, text: 'A takeaway', createdAt: at });
const quote = (at: number) => ({ id: `q${at}`, exact: 'A passage', note: '', createdAt: at });
const clip = (at: number) => ({ id: `c${at}`, atSec: 10, note: 'A moment', createdAt: at });

describe('which resources belong to a period', () => {
  const cases: [string, Resource, Action[], WorkReason[] | null][] = [
    ['saved long ago, nothing since', resource(), [], null],
    ['a takeaway written in the week', resource({ takeaways: [takeaway(IN)] }), [], ['takeaway']],
    ['a takeaway written before the week', resource({ takeaways: [takeaway(LONG_AGO)] }), [], null],
    ['a quote kept in the week', resource({ quotes: [quote(IN)] }), [], ['quote']],
    ['a clip made in the week', resource({ clips: [clip(IN)] }), [], ['clip']],
    ['a clip made the week after', resource({ clips: [clip(WEEK.end)] }), [], null],
    ['an action from it done in the week', resource(), [action({ status: 'done', doneAt: IN })], ['action']],
    ['an action done before the week', resource(), [action({ status: 'done', doneAt: LONG_AGO })], null],
    ['an action only made in the week', resource(), [action({ createdAt: IN })], null],
    ['a dropped action in the week', resource(), [action({ status: 'dropped', updatedAt: IN })], null],
    ['marked Learned in the week', resource({ status: 'learned', learnedAt: IN }), [], ['learned']],
    ['Learned before the week', resource({ status: 'learned', learnedAt: LONG_AGO }), [], null],
    ['learnedAt left after un-marking', resource({ status: 'learning', learnedAt: IN }), [], null],
    ['shared in the week', resource({ sharedAt: IN }), [], ['shared']],
    [
      'an activity on a day of the week, logged long after',
      resource({ kind: 'activity', happenedOn: '2026-12-13', createdAt: WEEK.end + 5 * DAY }),
      [],
      ['logged'],
    ],
    ['an activity on the day before the week', resource({ kind: 'activity', happenedOn: '2026-12-06' }), [], null],
    [
      'an activity with no day, made in the week',
      resource({ kind: 'activity', createdAt: IN, updatedAt: IN }),
      [],
      ['logged'],
    ],
    [
      'a talk with three takeaways, three clips and a done action, not Learned',
      resource({
        kind: 'video',
        takeaways: [takeaway(IN), takeaway(IN + 1), takeaway(IN + 2)],
        clips: [clip(IN), clip(IN + 1), clip(IN + 2)],
      }),
      [action({ status: 'done', doneAt: IN + 3 })],
      ['takeaway', 'clip', 'action'],
    ],
  ];
  it.each(cases)('%s', (_, r, actions, reasons) => {
    expect(periodWork(r, actions, [], WEEK)?.reasons ?? null).toEqual(reasons);
  });

  it('an item applied in the week counts while the item is there', () => {
    const r = resource({ takeaways: [takeaway(LONG_AGO)] });
    const card = {
      id: `r/takeaway/t${LONG_AGO}`,
      resourceId: 'r',
      itemKind: 'takeaway',
      itemId: `t${LONG_AGO}`,
      history: [{ at: IN, answer: 'applied' }],
    } as ReviewCard;
    expect(periodWork(r, [], [card], WEEK)).toMatchObject({ reasons: ['applied'], applied: 1, takeaways: [] });
    expect(periodWork(resource(), [], [card], WEEK)).toBeNull();
  });

  it('in the period exactly when one of its parts is, and lists only those parts (property)', () => {
    const time = fc.integer({ min: WEEK.start - 20 * DAY, max: WEEK.end + 20 * DAY });
    const maybe = fc.option(time, { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(time, { maxLength: 4 }),
        fc.array(time, { maxLength: 4 }),
        fc.array(time, { maxLength: 4 }),
        maybe,
        maybe,
        fc.array(fc.record({ done: fc.option(time, { nil: undefined }), made: time }), { maxLength: 3 }),
        (takeaways, quotes, clips, learnedAt, sharedAt, acts) => {
          const r = resource({
            takeaways: takeaways.map((at, i) => ({ ...takeaway(at), id: `t${i}` })),
            quotes: quotes.map((at, i) => ({ ...quote(at), id: `q${i}` })),
            clips: clips.map((at, i) => ({ ...clip(at), id: `c${i}` })),
            ...(learnedAt !== undefined ? { status: 'learned' as const, learnedAt } : {}),
            ...(sharedAt !== undefined ? { sharedAt } : {}),
          });
          const actions = acts.map((a, i) =>
            action({
              id: `a${i}`,
              createdAt: a.made,
              ...(a.done !== undefined ? { status: 'done' as const, doneAt: a.done } : {}),
            }),
          );
          const inWeek = (t: number | undefined) => t !== undefined && t >= WEEK.start && t < WEEK.end;
          const expected =
            [...takeaways, ...quotes, ...clips, learnedAt, sharedAt].some(inWeek) || acts.some((a) => inWeek(a.done));
          const work = periodWork(r, actions, [], WEEK);
          expect(work !== null).toBe(expected);
          if (!work) return;
          for (const part of [...work.takeaways, ...work.quotes, ...work.clips])
            expect(inWeek(part.createdAt)).toBe(true);
          for (const a of work.actions) expect(inWeek(a.status === 'done' ? a.doneAt : a.createdAt)).toBe(true);
          expect(inWeek(work.first)).toBe(true);
        },
      ),
    );
  });
});

describe('the digest of a real week', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 2, 9));
  });
  afterEach(() => vi.useRealTimers());

  it('carries a talk with three takeaways, three clips and a done action, not marked Learned', async () => {
    // Saved a month ago; this week the user watched it, noted and acted, and never pressed Learned.
    const { resource: talk } = await saveCapturedPage({
      url: 'https://www.youtube.com/watch?v=abcdefghijk',
      canonicalUrl: 'https://www.youtube.com/watch?v=abcdefghijk',
      kind: 'video',
      title: 'Team topologies in practice',
      videoId: 'abcdefghijk',
      author: 'Conference Talks',
      site: 'YouTube',
    });
    vi.setSystemTime(MONDAY);
    await addTakeaways(
      talk.id,
      '- Stream-aligned teams own outcomes\n- Limit cognitive load\n- Platforms are products',
    );
    for (const [i, at] of [95, 754, 1310].entries()) {
      vi.setSystemTime(MONDAY + (i + 1) * 60_000);
      await addClip(talk.id, { id: `clip-${at}`, atSec: at, note: `Moment ${i + 1}`, createdAt: Date.now() });
    }
    vi.setSystemTime(MONDAY + DAY);
    const made = await createAction({ text: 'Map our teams', source: { kind: 'resource', id: talk.id } });
    vi.setSystemTime(MONDAY + 2 * DAY);
    await editAction(made.id, { status: 'done', outcome: 'Two teams share one backlog' });

    const digest = await collectDigest(WEEK, { timeZone: 'Europe/Stockholm' });
    expect(digest.items.map((item) => item.title)).toEqual(['Team topologies in practice']);
    expect(digest.items[0]).toMatchObject({
      takeaways: ['Stream-aligned teams own outcomes', 'Limit cognitive load', 'Platforms are products'],
      clips: [{ note: 'Moment 1' }, { note: 'Moment 2' }, { note: 'Moment 3' }],
      actions: [{ text: 'Map our teams', status: 'done', outcome: 'Two teams share one backlog' }],
    });
    expect(digestSummary(digest)).toBe(
      'Learned: 0 · Shared with the team: 0 · Takeaways: 3 · Clips: 3 · Actions done: 1',
    );
    // The author, too: who made the talk, in the item's line.
    expect(digestMarkdown(digest)).toContain('Video · \u2068Conference Talks\u2069 · YouTube');
    // And "Teach it forward" offers it: it has something to teach and is not shared.
    expect((await listTeachForward()).map((r) => r.title)).toEqual(['Team topologies in practice']);

    // Shared, it leaves Teach it forward; last week's digest does not list this week's work.
    await editResources([talk.id], { shared: { how: 'meeting' } });
    expect(await listTeachForward()).toEqual([]);
    const lastWeek = await collectDigest(periodFor('last-week', MONDAY));
    expect(lastWeek.items).toEqual([]);
  });

  it('an import of old highlights does not enter this week, but lists them in their own month', async () => {
    vi.setSystemTime(MONDAY);
    const records = sampleRecords(1);
    const old = records.resources[0]!;
    records.resources = [
      {
        ...old,
        status: 'queued',
        quotes: [
          { id: 'q-old-1', exact: 'An old highlight', note: '', createdAt: LONG_AGO },
          { id: 'q-old-2', exact: 'Another one', note: 'mine', createdAt: LONG_AGO + DAY },
        ],
        takeaways: [{ id: 'tk-old', text: 'Old takeaway', createdAt: LONG_AGO }],
        clips: [],
        createdAt: LONG_AGO,
        // Exported just after a last edit: the record is recent, its highlights are not.
        updatedAt: MONDAY - 60_000,
      } as Resource,
    ];
    delete records.resources[0]!.learnedAt;
    delete records.resources[0]!.sharedAt;
    delete records.resources[0]!.sharedHow;
    records.actions = [];
    records.reviews = [];
    records.reflections = [];
    await importText(backupText(records), 'backup.json', { now: MONDAY });
    expect((await collectDigest(WEEK)).items).toEqual([]);
    const june = await collectDigest(periodFor('this-month', LONG_AGO));
    expect(june.items.map((item) => item.quotes.map((q) => q.text))).toEqual([['An old highlight', 'Another one']]);
  });
});
