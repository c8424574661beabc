import { describe, expect, it } from 'vitest';
import {
  actionState,
  followUpFromPreset,
  followUpTomorrow,
  fromDateInput,
  planFollowUps,
  toDateInput,
} from '../../../lib/actions/follow-up';
import type { Action } from '../../../lib/model/action';

/** Follow-up dates are record times (1990 to a few years ahead): offsets from here. */
const T = Date.UTC(2026, 0, 1);
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

function action(id: string, followUpAt: number | undefined, status: Action['status'] = 'open'): Action {
  return {
    id,
    text: id,
    source: { kind: 'none' },
    status,
    createdAt: 0,
    updatedAt: 0,
    ...(followUpAt !== undefined ? { followUpAt } : {}),
  };
}

describe('follow-up presets', () => {
  const now = at(2025, 1, 31, 15, 30);
  it.each([
    ['week', at(2025, 2, 7, 9)],
    ['two-weeks', at(2025, 2, 14, 9)],
    ['month', at(2025, 2, 28, 9)],
  ] as const)('%s → 09:00 on the day', (preset, expected) => {
    expect(followUpFromPreset(preset, now)).toBe(expected);
  });

  it('tomorrow is 09:00 the next day', () => {
    expect(followUpTomorrow(now)).toBe(at(2025, 2, 1, 9));
  });

  it('date inputs round-trip at 09:00 local time', () => {
    expect(toDateInput(at(2025, 3, 4, 23))).toBe('2025-03-04');
    expect(fromDateInput('2025-03-04')).toBe(at(2025, 3, 4, 9));
    expect(fromDateInput('2025-02-30')).toBeUndefined();
    expect(fromDateInput('')).toBeUndefined();
  });
});

describe('actionState', () => {
  it.each([
    [action('a', 100), 100, 'due'],
    [action('a', 101), 100, 'open'],
    [action('a', undefined), 100, 'open'],
    [action('a', 50, 'done'), 100, 'done'],
    [action('a', 50, 'dropped'), 100, 'dropped'],
  ] as const)('%j at %i is %s', (a, now, expected) => {
    expect(actionState(a, now)).toBe(expected);
  });
});

describe('planFollowUps', () => {
  const open = [
    action('due-late', T + 300),
    action('due-early', T + 100),
    action('next', T + 900),
    action('later', T + 2000),
    action('closed', T + 50, 'done'),
  ];

  it('notifies due ones, sets the alarm for the earliest one ahead', () => {
    const plan = planFollowUps(open, T + 500, {});
    expect(plan.due.map((a) => a.id)).toEqual(['due-early', 'due-late']);
    expect(plan.toNotify.map((a) => a.id)).toEqual(['due-early', 'due-late']);
    expect(plan.nextAt).toBe(T + 900);
    expect(plan.notified).toEqual({ 'due-early': T + 100, 'due-late': T + 300 });
  });

  it('is idempotent: with its own notified map it notifies nobody again', () => {
    const first = planFollowUps(open, T + 500, {});
    const again = planFollowUps(open, T + 500, first.notified);
    expect(again.toNotify).toEqual([]);
    expect(again.nextAt).toBe(first.nextAt);
    expect(again.notified).toEqual(first.notified);
  });

  it('a new follow-up date notifies again; answered ones are resolved', () => {
    const plan = planFollowUps([action('due-early', T + 450)], T + 500, { 'due-early': T + 100, 'due-late': T + 300 });
    expect(plan.toNotify.map((a) => a.id)).toEqual(['due-early']);
    expect(plan.resolved).toEqual(['due-late']);
  });

  it('nothing open: no alarm', () => {
    expect(planFollowUps([], T + 500, {}).nextAt).toBeUndefined();
  });
});
