import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exampleDayText,
  formatDayText,
  formatTimeText,
  isIsoDay,
  parseDayText,
  parseTimeText,
} from '../../../lib/dates/input';

const TODAY = new Date(2026, 11, 2);

describe('typing a day in the language of the UI', () => {
  it.each([
    ['en-GB', '8/12/2026', '2026-12-08'],
    ['en-GB', '8/12', '2026-12-08'],
    ['en-GB', '08.12.26', '2026-12-08'],
    ['en-GB', '2026-12-08', '2026-12-08'],
    ['en-GB', '8 Dec 2026', '2026-12-08'],
    ['en-GB', '8 December', '2026-12-08'],
    ['en-GB', 'Dec 8, 2026', '2026-12-08'],
    ['en-GB', '8th Dec', '2026-12-08'],
    ['en-GB', '  8   dec  2026 ', '2026-12-08'],
    ['en-GB', '1 sept 2026', '2026-09-01'],
    ['sv-SE', '2026-12-08', '2026-12-08'],
    ['sv-SE', '8/12', '2026-12-08'],
    ['sv-SE', '8 dec. 2026', '2026-12-08'],
    ['sv-SE', '8 december 2026', '2026-12-08'],
    ['sv-SE', '3 maj', '2026-05-03'],
    ['sv-SE', '3 okt', '2026-10-03'],
    ['sv-SE', '3 oct 2026', '2026-10-03'],
    ['sv-SE', '29/2/2028', '2028-02-29'],
  ])('%s: “%s” is %s', (tag, text, iso) => {
    expect(parseDayText(text, tag, TODAY)).toBe(iso);
  });

  it.each([
    ['en-GB', ''],
    ['en-GB', 'tomorrow'],
    ['en-GB', '12/08/2026 10:00'],
    ['en-GB', '31/11/2026'],
    ['en-GB', '29/2/2027'],
    ['en-GB', '13/13'],
    ['en-GB', '8 ju 2026'],
    ['sv-SE', '2026-13-01'],
    ['sv-SE', '0/1'],
  ])('%s: “%s” is not a day', (tag, text) => {
    expect(parseDayText(text, tag, TODAY)).toBeNull();
  });

  it('shows a day as the rest of the UI does, and says how to type one', () => {
    expect(formatDayText('2026-12-08', 'en-GB')).toBe('8 Dec 2026');
    expect(formatDayText('2026-12-08', 'sv-SE')).toBe('8 dec. 2026');
    expect(formatDayText('', 'sv-SE')).toBe('');
    expect(formatDayText('2026-02-30', 'en-GB')).toBe('');
    expect(exampleDayText(TODAY, 'en-GB')).toBe('2/12/2026');
    expect(exampleDayText(TODAY, 'sv-SE')).toBe('2026-12-02');
  });

  it('reads back every day it shows, and every example it gives', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('en-GB', 'sv-SE'), (iso, tag) => {
        expect(isIsoDay(iso)).toBe(true);
        expect(parseDayText(formatDayText(iso, tag), tag, TODAY)).toBe(iso);
        const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
        const example = exampleDayText(new Date(year, month - 1, date), tag);
        expect(parseDayText(example, tag, TODAY)).toBe(iso);
      }),
    );
  });
});

describe('typing a time on the 24-hour clock', () => {
  it.each([
    ['16:30', 990, true],
    ['16.30', 990, true],
    ['1630', 990, true],
    ['0905', 545, true],
    ['9:05', 545, true],
    ['16', 960, false],
    ['kl. 16', 960, false],
    ['4:30 pm', 990, true],
    ['4pm', 960, false],
    ['12 am', 0, false],
    ['12:15 pm', 735, true],
    ['00:00', 0, true],
    ['23:59', 1439, true],
  ])('“%s” is %i minutes', (text, minutes, complete) => {
    expect(parseTimeText(text)).toEqual({ minutes, complete });
  });

  it.each(['', '24:00', '16:60', '13 pm', '0 am', 'noon', '16:3', '1:2:3'])('“%s” is not a time', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });

  it('writes every minute of the day as HH:MM and reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (minutes) => {
        const text = formatTimeText(minutes);
        expect(text).toMatch(/^\d\d:\d\d$/);
        expect(parseTimeText(text)).toEqual({ minutes, complete: true });
      }),
    );
  });
});
