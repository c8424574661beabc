import { describe, expect, it } from 'vitest';
import { CONDITION_IDS } from '../../../lib/model/assessment';
import { CONDITIONS } from '../../../lib/assessment/conditions';
import { addMonths, assessmentDueAt, FIRST_CHECK_AFTER_DAYS } from '../../../lib/assessment/schedule';
import { conditionTrends, weakestConditions } from '../../../lib/assessment/trends';
import type { Assessment } from '../../../lib/model/assessment';
import { readLocale } from '../../../scripts/locales';

function check(createdAt: number, scores: Partial<Record<(typeof CONDITION_IDS)[number], number>>): Assessment {
  return { id: `a${createdAt}`, createdAt, updatedAt: createdAt, scores };
}
const all = (n: number) => Object.fromEntries(CONDITION_IDS.map((id) => [id, n]));

describe('the seven conditions', () => {
  it('are seven, each with a name, a statement and a suggestion in English and Swedish', () => {
    expect(CONDITIONS).toHaveLength(7);
    for (const lang of ['en', 'sv']) {
      const messages = readLocale(lang);
      for (const c of CONDITIONS)
        for (const key of [c.name, c.statement, c.suggestion])
          expect(messages[key]?.message, `${lang} ${key}`).toBeTruthy();
    }
  });
});

describe('conditionTrends', () => {
  it('each condition over time, oldest first, with latest, change and average', () => {
    const trends = conditionTrends([
      check(300, { ...all(3), 'felt-need': 4 }),
      check(100, { ...all(2), 'felt-need': 2 }),
      check(200, { ...all(3), 'felt-need': 5 }),
    ]);
    expect(trends.map((t) => t.id)).toEqual([...CONDITION_IDS]);
    expect(trends[0]).toEqual({
      id: 'felt-need',
      points: [
        { at: 100, score: 2 },
        { at: 200, score: 5 },
        { at: 300, score: 4 },
      ],
      latest: 4,
      change: -1,
      average: 3.7,
    });
    expect(trends[1]).toMatchObject({ latest: 3, change: 0 });
  });

  it('each condition carries its newest note (a blank one does not hide an older)', () => {
    const [first, second] = conditionTrends([
      { ...check(100, all(3)), notes: { 'felt-need': 'We never talk about change.' } },
      { ...check(200, all(3)), notes: { 'felt-need': '  ', cooperation: 'Better after the offsite.' } },
    ]);
    expect(first?.latestNote).toEqual({ text: 'We never talk about change.', at: 100 });
    expect(second?.latestNote).toEqual({ text: 'Better after the offsite.', at: 200 });
    expect(conditionTrends([check(1, all(2))])[0]?.latestNote).toBeUndefined();
  });

  it('a check that skipped a condition leaves a gap, not a zero', () => {
    const [first] = conditionTrends([check(100, { 'felt-need': 2 }), check(200, { cooperation: 3 })]);
    expect(first!.points).toEqual([{ at: 100, score: 2 }]);
  });

  it('no checks: empty series', () => {
    expect(conditionTrends([]).every((t) => t.points.length === 0 && t.latest === undefined)).toBe(true);
  });
});

describe('weakestConditions', () => {
  it('is the lowest score in the latest check', () => {
    expect(weakestConditions([check(100, { ...all(1) }), check(200, { ...all(4), careers: 2 })])).toEqual({
      ids: ['careers'],
      score: 2,
    });
  });

  it('a tie names every tied condition, the one that fell most first, then the lower average, then the order of the check', () => {
    const fell = [check(100, { ...all(3), feedback: 5 }), check(200, { ...all(4), feedback: 3, careers: 3 })];
    expect(weakestConditions(fell)).toEqual({ ids: ['feedback', 'careers'], score: 3 });
    const average = [
      check(100, { ...all(3), 'bottom-up': 1 }),
      check(200, { ...all(2), 'bottom-up': 1 }),
      check(300, { ...all(2), 'bottom-up': 2 }),
    ];
    // Every condition is 2 now: all are named; bottom-up rose by 1 (others 0), so it comes last.
    const tied = weakestConditions(average)!;
    expect(tied.score).toBe(2);
    expect(tied.ids).toHaveLength(7);
    expect(tied.ids[0]).toBe('felt-need');
    expect(tied.ids.at(-1)).toBe('bottom-up');
    expect(weakestConditions([check(100, all(3))])!.ids).toEqual(CONDITION_IDS);
  });

  it('nothing rated: none', () => {
    expect(weakestConditions([])).toBeUndefined();
  });
});

describe('when the check is due', () => {
  const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10).getTime();
  it('a month after the last check, at the end of a shorter month when needed', () => {
    expect(addMonths(at(2025, 1, 31), 1)).toBe(at(2025, 2, 28));
    expect(addMonths(at(2024, 1, 31), 1)).toBe(at(2024, 2, 29));
    expect(addMonths(at(2025, 12, 15), 1)).toBe(at(2026, 1, 15));
    expect(assessmentDueAt({ lastAt: at(2025, 3, 3), anchorAt: 0 })).toBe(at(2025, 4, 3));
  });
  it('the first one a week after first use; "not now" postpones', () => {
    expect(assessmentDueAt({ anchorAt: 1000 })).toBe(1000 + FIRST_CHECK_AFTER_DAYS * 86_400_000);
    expect(assessmentDueAt({ lastAt: at(2025, 3, 3), anchorAt: 0, snoozedUntil: at(2025, 4, 10) })).toBe(
      at(2025, 4, 10),
    );
  });
});
