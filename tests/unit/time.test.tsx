import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ActionsSection } from '../../components/library/ActionsSection';
import { JournalSection } from '../../components/library/JournalSection';
import { planFollowUps } from '../../lib/actions/follow-up';
import { resourcesToCsv } from '../../lib/backup/csv-export';
import { importText } from '../../lib/backup/import';
import { getDb } from '../../lib/db/open';
import type { Action } from '../../lib/model/action';
import type { Reflection } from '../../lib/model/reflection';
import { formatDate } from '../../lib/i18n';
import { groupByWeek, UNKNOWN_WEEK } from '../../lib/prompts/journal';
import { streakDays } from '../../lib/prompts/streak';
import { isRecordTime } from '../../lib/infra/time';
import { backupText, sampleRecords } from './backup/helpers';

const NOW = Date.UTC(2026, 11, 1);
const YEAR = 365.25 * 86_400_000;

describe('record times', () => {
  it.each<[string, unknown, boolean]>([
    ['a time today', NOW, true],
    ['1 Jan 1990', Date.UTC(1990, 0, 1), true],
    ['four years ahead (a far follow-up)', NOW + 4 * YEAR, true],
    ['1e308', 1e308, false],
    ['past the end of Date', 8.64e15 + 1, false],
    ['before 1990', Date.UTC(1989, 11, 31), false],
    ['the epoch', 0, false],
    ['negative', -1, false],
    ['a fraction of a millisecond', NOW + 0.5, false],
    ['ten years ahead', NOW + 10 * YEAR, false],
    ['Infinity', Number.POSITIVE_INFINITY, false],
    ['NaN', Number.NaN, false],
    ['a string', String(NOW), false],
  ])('%s → %s', (_label, value, ok) => {
    expect(isRecordTime(value, NOW)).toBe(ok);
  });

  it.each(['createdAt', 'updatedAt', 'sharedAt', 'learnedAt'])(
    'an import with %s = 1e308 writes nothing and names the field',
    async (field) => {
      const file = sampleRecords(2);
      (file.resources[1] as unknown as Record<string, unknown>)[field] = 1e308;
      await expect(importText(backupText(file), 'b.json')).rejects.toThrow(
        new RegExp(`Resource 2 .*“${field}” must be a time between 1990 and \\d{4}`),
      );
      expect(await (await getDb()).count('resources')).toBe(0);
    },
  );

  it.each(['createdAt', 'followUpAt', 'doneAt'])('so does an action with %s past the end of Date', async (field) => {
    const file = sampleRecords(1);
    (file.actions[0] as unknown as Record<string, unknown>)[field] = 8.64e15 + 1;
    await expect(importText(backupText(file), 'b.json')).rejects.toThrow(/Action 1 .*must be a time between/);
  });
});

describe('a damaged time already stored never blanks a view', () => {
  it('formats as "date unknown"', () => {
    expect(formatDate(1e308)).toBe('date unknown');
    expect(formatDate(Number.NaN)).toBe('date unknown');
    expect(formatDate('not a date')).toBe('date unknown');
    expect(formatDate(NOW)).not.toBe('date unknown');
  });

  it('the journal groups it under "date unknown", the streak ignores it, CSV leaves it empty', () => {
    const good = {
      id: 'a',
      promptId: 'p',
      promptText: 'Q',
      answer: 'fine',
      createdAt: NOW,
      updatedAt: NOW,
    } as Reflection;
    const bad = { ...good, id: 'b', answer: 'damaged', createdAt: 1e308 };
    const weeks = groupByWeek([bad, good], 'UTC');
    expect(weeks.map((w) => w.key)).toEqual(['2026-11-30', UNKNOWN_WEEK]);
    expect(streakDays([1e308, NOW], NOW, 'UTC')).toBe(1);
    const [, row] = resourcesToCsv([{ ...sampleRecords(1).resources[0]!, createdAt: 1e308 }]).split('\n');
    expect(row).toBeDefined();
  });

  it('a follow-up dated 1e308 sets no alarm for never', () => {
    const action = {
      id: 'x',
      text: 'x',
      source: { kind: 'none' },
      status: 'open',
      followUpAt: 1e308,
      createdAt: NOW,
      updatedAt: NOW,
    } as Action;
    expect(planFollowUps([action], NOW, {}).nextAt).toBeUndefined();
  });

  async function mount(node: preact.ComponentChild): Promise<HTMLElement> {
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => render(node, host));
    return host;
  }

  it('the journal and the actions list still show every record, the damaged one as "date unknown"', async () => {
    const db = await getDb();
    await db.put('reflections', {
      id: 'r1',
      promptId: 'p',
      promptText: 'What went well?',
      answer: 'Kept the demo short',
      createdAt: 1e308,
      updatedAt: 1e308,
    });
    await db.put('reflections', {
      id: 'r2',
      promptId: 'p',
      promptText: 'What went well?',
      answer: 'Paired on the fix',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    await db.put('actions', {
      id: 'a1',
      text: 'Try a silent retro',
      source: { kind: 'none' },
      status: 'open',
      followUpAt: 1e308,
      createdAt: 1e308,
      updatedAt: 1e308,
    });
    const journal = await mount(<JournalSection route={{ section: 'journal', query: {} }} />);
    await vi.waitFor(() => expect(journal.textContent).toContain('Kept the demo short'));
    expect(journal.textContent).toContain('Paired on the fix');
    expect(journal.textContent).toContain('date unknown');
    const actions = await mount(<ActionsSection route={{ section: 'actions', query: {} }} />);
    await vi.waitFor(() => expect(actions.textContent).toContain('Try a silent retro'));
    render(null, journal);
    render(null, actions);
  });
});

describe('conflict versions kept by a merge are shown with one click to choose', () => {
  it('in the journal: "Use this version" replaces the answer and the version goes', async () => {
    const db = await getDb();
    const now = Date.now();
    await db.put('reflections', {
      id: 'r1',
      promptId: 'p',
      promptText: 'What went well?',
      answer: 'Written here',
      createdAt: now,
      updatedAt: now,
      conflicts: [{ field: 'answer', text: 'Written on the laptop', at: now }],
    });
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => render(<JournalSection route={{ section: 'journal', query: {} }} />, host));
    await vi.waitFor(() => expect(host.textContent).toContain('Written on the laptop'));
    const use = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Use this version')!;
    await act(async () => use.click());
    await vi.waitFor(async () => expect((await db.get('reflections', 'r1'))?.answer).toBe('Written on the laptop'));
    expect((await db.get('reflections', 'r1'))?.conflicts).toBeUndefined();
    render(null, host);
  });
});
