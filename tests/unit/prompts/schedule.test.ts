import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  localParts,
  nextPromptAt,
  PRESETS,
  presetOf,
  timeToMinutes,
  minutesToTime,
  zonedTime,
  zoneOffset,
} from '../../../lib/prompts/schedule';
import { DEFAULT_PROMPT_SCHEDULE, type PromptSchedule } from '../../../lib/settings';

const at = (iso: string) => new Date(iso).getTime();
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
const schedule = (patch: Partial<PromptSchedule> = {}): PromptSchedule => ({ ...DEFAULT_PROMPT_SCHEDULE, ...patch });
const quiet = (start: string, end: string) => ({
  enabled: true,
  start: timeToMinutes(start)!,
  end: timeToMinutes(end)!,
});
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

describe('nextPromptAt', () => {
  it.each([
    // name, now, schedule, zone, expected (UTC)
    ['later today', '2026-03-09T10:00:00+01:00', {}, 'Europe/Stockholm', '2026-03-09T15:00:00.000Z'],
    [
      'exactly at the slot: the next one',
      '2026-03-09T16:00:00+01:00',
      {},
      'Europe/Stockholm',
      '2026-03-10T15:00:00.000Z',
    ],
    [
      'a second after the slot: tomorrow',
      '2026-03-09T16:00:01+01:00',
      {},
      'Europe/Stockholm',
      '2026-03-10T15:00:00.000Z',
    ],
    ['Friday evening: Monday', '2026-03-13T17:00:00+01:00', {}, 'Europe/Stockholm', '2026-03-16T15:00:00.000Z'],
    ['Saturday: Monday', '2026-03-14T09:00:00+01:00', {}, 'Europe/Stockholm', '2026-03-16T15:00:00.000Z'],
    [
      'weekdays at 16:30',
      '2026-03-09T16:10:00+01:00',
      { timeOfDay: 16 * 60 + 30 },
      'Europe/Stockholm',
      '2026-03-09T15:30:00.000Z',
    ],
    [
      'once a week, just missed: a week later',
      '2026-03-13T16:30:00+01:00',
      { days: [5] },
      'Europe/Stockholm',
      '2026-03-20T15:00:00.000Z',
    ],
    [
      'once a week, Sunday from Monday',
      '2026-03-09T08:00:00+01:00',
      { days: [0] },
      'Europe/Stockholm',
      '2026-03-15T15:00:00.000Z',
    ],
    ['across a month and a year', '2026-12-31T17:00:00+01:00', {}, 'Europe/Stockholm', '2027-01-01T15:00:00.000Z'],
    [
      'the zone, not UTC, decides the day (Tokyo Tuesday morning)',
      '2026-03-09T23:30:00Z',
      {},
      'Asia/Tokyo',
      '2026-03-10T07:00:00.000Z',
    ],
    ['half-hour zone', '2026-03-09T00:00:00Z', {}, 'Asia/Kolkata', '2026-03-09T10:30:00.000Z'],
    [
      'DST spring forward: 16:00 is CEST the day clocks change',
      '2026-03-28T17:00:00+01:00',
      { days: EVERY_DAY },
      'Europe/Stockholm',
      '2026-03-29T14:00:00.000Z',
    ],
    [
      'DST fall back: 16:00 is CET the day clocks change',
      '2026-10-24T17:00:00+02:00',
      { days: EVERY_DAY },
      'Europe/Stockholm',
      '2026-10-25T15:00:00.000Z',
    ],
    [
      'DST week: Friday before to Monday after',
      '2026-03-27T17:00:00+01:00',
      {},
      'Europe/Stockholm',
      '2026-03-30T14:00:00.000Z',
    ],
    [
      'a time skipped by DST moves forward by the gap',
      '2026-03-29T00:00:00+01:00',
      { days: EVERY_DAY, timeOfDay: 150 },
      'Europe/Stockholm',
      '2026-03-29T01:30:00.000Z',
    ],
    [
      'a time that happens twice is the first',
      '2026-10-25T00:00:00+02:00',
      { days: EVERY_DAY, timeOfDay: 150 },
      'Europe/Stockholm',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      'New York spring forward',
      '2026-03-07T17:00:00-05:00',
      { days: EVERY_DAY },
      'America/New_York',
      '2026-03-08T20:00:00.000Z',
    ],
    [
      'southern hemisphere DST ends in April (Sydney)',
      '2026-04-04T17:00:00+11:00',
      { days: EVERY_DAY },
      'Australia/Sydney',
      '2026-04-05T06:00:00.000Z',
    ],
    [
      'slot in quiet hours past midnight moves to the next morning',
      '2026-03-09T12:00:00+01:00',
      { timeOfDay: 23 * 60, quietHours: quiet('22:00', '07:00') },
      'Europe/Stockholm',
      '2026-03-10T06:00:00.000Z',
    ],
    [
      'early slot in quiet hours moves to their end the same day',
      '2026-03-09T00:30:00+01:00',
      { timeOfDay: 6 * 60, quietHours: quiet('22:00', '07:00') },
      'Europe/Stockholm',
      '2026-03-09T06:00:00.000Z',
    ],
    [
      'quiet hours within a day',
      '2026-03-09T08:00:00+01:00',
      { timeOfDay: 13 * 60, quietHours: quiet('12:00', '14:30') },
      'Europe/Stockholm',
      '2026-03-09T13:30:00.000Z',
    ],
    [
      'quiet hours turned off change nothing',
      '2026-03-09T08:00:00+01:00',
      { timeOfDay: 13 * 60, quietHours: { enabled: false, start: 720, end: 870 } },
      'Europe/Stockholm',
      '2026-03-09T12:00:00.000Z',
    ],
    [
      'Friday 23:00 in quiet hours comes Saturday morning',
      '2026-03-13T20:00:00+01:00',
      { days: [5], timeOfDay: 23 * 60, quietHours: quiet('22:00', '07:00') },
      'Europe/Stockholm',
      '2026-03-14T06:00:00.000Z',
    ],
    [
      "yesterday's late slot moved to this morning is next",
      '2026-03-10T05:00:00+01:00',
      { days: [1], timeOfDay: 23 * 60, quietHours: quiet('22:00', '07:00') },
      'Europe/Stockholm',
      '2026-03-10T06:00:00.000Z',
    ],
    [
      'seconds in the time of day (the e2e test uses them)',
      '2026-03-09T10:00:00Z',
      { days: EVERY_DAY, timeOfDay: 600 + 2 / 60 },
      'UTC',
      '2026-03-09T10:00:02.000Z',
    ],
    ['an unknown zone falls back to UTC', '2026-03-09T10:00:00Z', {}, 'Not/AZone', '2026-03-09T16:00:00.000Z'],
  ])('%s', (_name, now, patch, zone, expected) => {
    expect(iso(nextPromptAt(at(now), schedule(patch as Partial<PromptSchedule>), zone))).toBe(expected);
  });

  it('is null when no day is chosen or prompts are off', () => {
    expect(nextPromptAt(at('2026-03-09T10:00:00Z'), schedule({ days: [] }), 'UTC')).toBeNull();
    expect(nextPromptAt(at('2026-03-09T10:00:00Z'), schedule({ enabled: false }), 'UTC')).toBeNull();
    expect(nextPromptAt(at('2026-03-09T10:00:00Z'), schedule({ days: [9, -1] }), 'UTC')).toBeNull();
  });
});

const ZONES = [
  'UTC',
  'Europe/Stockholm',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Asia/Tokyo',
  'America/St_Johns',
];
const scheduleArb = fc.record({
  enabled: fc.constant(true),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  timeOfDay: fc.integer({ min: 0, max: 1439 }),
  quietHours: fc.record({
    enabled: fc.boolean(),
    start: fc.integer({ min: 0, max: 1439 }),
    end: fc.integer({ min: 0, max: 1439 }),
  }),
  snoozeMinutes: fc.constant(60),
});
const nowArb = fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') });
const zoneArb = fc.constantFrom(...ZONES);
const DAY = 86_400_000;

/** The offset changes within a few hours of `time`: a wall-clock time there may be skipped. */
const nearTransition = (time: number, zone: string) =>
  zoneOffset(time - 4 * 3_600_000, zone) !== zoneOffset(time + 4 * 3_600_000, zone);

describe('nextPromptAt properties', () => {
  it('is always in the future, within eight days, and outside quiet hours', () => {
    fc.assert(
      fc.property(nowArb, scheduleArb, zoneArb, (now, s, zone) => {
        const next = nextPromptAt(now, s, zone);
        expect(next).not.toBeNull();
        expect(next!).toBeGreaterThan(now);
        expect(next! - now).toBeLessThanOrEqual(8 * DAY + 3_600_000);
        expect(inQuietHours(localParts(next!, zone).minutes, s.quietHours)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('lands on an allowed day at the time of day, or at the end of quiet hours that held an allowed slot', () => {
    fc.assert(
      fc.property(nowArb, scheduleArb, zoneArb, (now, s, zone) => {
        const next = nextPromptAt(now, s, zone)!;
        const local = localParts(next, zone);
        const yesterday = (local.weekday + 6) % 7;
        const atTime = Math.abs(local.minutes - s.timeOfDay) < 1e-6;
        const atQuietEnd = s.quietHours.enabled && Math.abs(local.minutes - s.quietHours.end) < 1e-6;
        if (nearTransition(next, zone)) return; // a skipped wall-clock time moves by the gap
        if (atTime && !inQuietHours(s.timeOfDay, s.quietHours)) {
          expect(s.days).toContain(local.weekday);
        } else {
          expect(atQuietEnd).toBe(true);
          expect(inQuietHours(s.timeOfDay, s.quietHours)).toBe(true);
          expect(s.days.includes(local.weekday) || s.days.includes(yesterday)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('skips no slot: asking again from any moment before it gives the same answer', () => {
    fc.assert(
      fc.property(nowArb, scheduleArb, zoneArb, fc.double({ min: 0, max: 1, noNaN: true }), (now, s, zone, f) => {
        const next = nextPromptAt(now, s, zone)!;
        const between = Math.min(next - 1, now + Math.floor((next - now) * f));
        expect(nextPromptAt(between, s, zone)).toBe(next);
      }),
      { numRuns: 300 },
    );
  });

  it('is null whenever no day is allowed', () => {
    fc.assert(
      fc.property(nowArb, scheduleArb, zoneArb, (now, s, zone) => {
        expect(nextPromptAt(now, { ...s, days: [] }, zone)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});

describe('zonedTime', () => {
  it('round-trips every wall-clock minute that exists', () => {
    fc.assert(
      fc.property(nowArb, zoneArb, (time, zone) => {
        const rounded = Math.floor(time / 60_000) * 60_000;
        const p = localParts(rounded, zone);
        const back = zonedTime(p, p.minutes, zone);
        // A repeated hour maps to its first occurrence.
        expect(back === rounded || (back < rounded && localParts(back, zone).minutes === p.minutes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('presets and time fields', () => {
  it.each([
    ['everyDay', [1], [0, 1, 2, 3, 4, 5, 6]],
    ['weekdays', [0, 6], [1, 2, 3, 4, 5]],
    ['weekly', [1, 2, 3, 4, 5], [5]],
    ['weekly', [3], [3]],
    ['weekly', [], [5]],
  ] as const)('%s from %j fills %j', (preset, current, expected) => {
    expect(PRESETS[preset]([...current])).toEqual(expected);
    expect(presetOf(expected)).toBe(preset);
  });

  it('converts times for <input type="time">', () => {
    expect(minutesToTime(990)).toBe('16:30');
    expect(minutesToTime(0)).toBe('00:00');
    expect(timeToMinutes('16:30')).toBe(990);
    expect(timeToMinutes('07:05:00')).toBe(425);
    expect(timeToMinutes('25:00')).toBeNull();
    expect(timeToMinutes('')).toBeNull();
  });
});
