import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { fitsShortBreak, pickMicroLearning } from '../../../lib/prompts/micro';
import { groupByWeek, newestFirst, searchReflections } from '../../../lib/prompts/journal';
import { promptText } from '../../../lib/prompts/catalogue';

const at = (iso: string) => new Date(iso).getTime();
function reflection(id: string, when: string, answer = 'x', promptText = 'What went well?'): Reflection {
  return { id, promptId: 'followUpWentWell', promptText, answer, createdAt: at(when), updatedAt: at(when) };
}

describe('groupByWeek', () => {
  it('groups local Monday-to-Sunday weeks, newest first', () => {
    const list = [
      reflection('mon', '2026-03-09T08:00:00+01:00'),
      reflection('sun-late', '2026-03-15T23:30:00+01:00'),
      reflection('prev-sun', '2026-03-08T22:00:00+01:00'),
      reflection('next-mon', '2026-03-16T00:10:00+01:00'),
    ];
    const weeks = groupByWeek(list, 'Europe/Stockholm');
    expect(weeks.map((w) => [w.key, w.items.map((r) => r.id)])).toEqual([
      ['2026-03-16', ['next-mon']],
      ['2026-03-09', ['sun-late', 'mon']],
      ['2026-03-02', ['prev-sun']],
    ]);
  });

  it('uses the local day, not UTC (Sunday 23:30 UTC is Monday in Stockholm, Sunday in New York)', () => {
    expect(groupByWeek([reflection('a', '2026-03-15T23:30:00Z')], 'Europe/Stockholm')[0]!.key).toBe('2026-03-16');
    expect(groupByWeek([reflection('a', '2026-03-15T23:30:00Z')], 'America/New_York')[0]!.key).toBe('2026-03-09');
  });
});

describe('searchReflections', () => {
  const list = [
    reflection('1', '2026-03-09T08:00:00Z', 'We paired on the release and it went smoothly'),
    reflection('2', '2026-03-10T08:00:00Z', 'Ask Kim about shadowing', 'Whom could you shadow?'),
    { ...reflection('3', '2026-03-11T08:00:00Z', 'Try it in Monday’s retro'), resourceTitle: 'Accelerate' },
  ];
  it.each([
    ['', ['1', '2', '3']],
    ['release', ['1']],
    ['RELEASE smoothly', ['1']],
    ['shadow', ['2']],
    ['accelerate', ['3']],
    ['release kim', []],
  ])('%j finds %j', (query, ids) => {
    expect(searchReflections(list, query).map((r) => r.id)).toEqual(ids);
  });
});

function resource(id: string, patch: Partial<Resource>): Resource {
  return {
    id,
    url: `https://example.com/${id}`,
    canonicalUrl: `https://example.com/${id}`,
    kind: 'article',
    title: id,
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

describe('micro-learning', () => {
  it.each([
    [{ kind: 'video', durationSec: 9 * 60 }, true],
    [{ kind: 'video', durationSec: 42 * 60 }, false],
    [{ kind: 'video' }, false],
    [{ kind: 'article', readingMinutes: 6 }, true],
    [{ kind: 'article', readingMinutes: 25 }, false],
    [{ kind: 'page' }, false],
  ] as const)('%j fits a short break: %s', (patch, fits) => {
    expect(fitsShortBreak(patch)).toBe(fits);
  });

  it('suggests the short one that has waited longest, never the one the prompt is about', () => {
    const list = [
      resource('long-talk', { kind: 'video', durationSec: 3600, createdAt: 1 }),
      resource('short-read', { readingMinutes: 4, createdAt: 3 }),
      resource('older-short-talk', { kind: 'video', durationSec: 300, createdAt: 2 }),
      resource('learned', { readingMinutes: 2, status: 'learned', createdAt: 0 }),
    ];
    expect(pickMicroLearning(list)?.id).toBe('older-short-talk');
    expect(pickMicroLearning(list, 'older-short-talk')?.id).toBe('short-read');
    expect(pickMicroLearning([list[0]!])).toBeNull();
  });
});

describe('prompt text', () => {
  it('puts the resource title and days into the template', () => {
    expect(
      promptText({ promptId: 'resourceQueued', group: 'resources', kind: 'resource', resourceTitle: 'Drive', days: 4 }),
    ).toBe('You saved “Drive” 4 days ago. What made you save it, and when will you make time for it?');
    expect(promptText({ promptId: 'followUpWentWell', group: 'followUp', kind: 'builtIn' })).toBe(
      'What went well this week, and why?',
    );
    expect(promptText({ promptId: 'c1', group: 'own', kind: 'custom', text: 'Mine?' })).toBe('Mine?');
  });
});

describe('newestFirst: the journal draws its first page from this order', () => {
  it('lists newest first and damaged times last', () => {
    const list = [
      { ...reflection('damaged', '2026-03-09T08:00:00Z'), createdAt: 1e308 },
      reflection('old', '2026-03-01T08:00:00Z'),
      reflection('new', '2026-03-10T08:00:00Z'),
    ];
    expect(newestFirst(list).map((r) => r.id)).toEqual(['new', 'old', 'damaged']);
  });

  it('a page of it, in weeks, is the first entries of the whole journal in weeks', () => {
    const time = fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 0, 1) }) },
      { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.POSITIVE_INFINITY) },
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 60 }), fc.nat({ max: 70 }), (times, page) => {
        const list = times.map((at, i) => ({ ...reflection(`r${i}`, '2026-01-01T00:00:00Z'), createdAt: at }));
        const flat = (weeks: ReturnType<typeof groupByWeek>) =>
          weeks.flatMap((w) => w.items.map((r) => `${w.key}:${r.id}`));
        const whole = flat(groupByWeek(list, 'Europe/Stockholm'));
        const drawn = flat(groupByWeek(newestFirst(list).slice(0, page), 'Europe/Stockholm'));
        // Equal times may come in either order; which entries and weeks are drawn may not differ.
        expect(drawn.slice().sort()).toEqual(whole.slice(0, page).sort());
      }),
    );
  });
});
