import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIONS_PAGE, ActionsSection } from '../../../components/library/ActionsSection';
import { JOURNAL_PAGE, JournalSection } from '../../../components/library/JournalSection';
import { getDb } from '../../../lib/db/open';
import type { Action } from '../../../lib/model/action';
import type { Reflection } from '../../../lib/model/reflection';
import type { Route } from '../../../lib/routes';

// A journal and an action list grow for years: at 100,000 resources the benchmark's profile has
// 25,000 answers and 10,000 actions, and drawing all of them blocked the library for seconds. They
// are drawn a page at a time, newest first, and a link to one entry far down still reaches it.

const NOW = Date.UTC(2026, 11, 7, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function reflection(n: number): Reflection {
  // n = 1 is the newest.
  const at = NOW - n * 7 * HOUR;
  return {
    id: `r${n}`,
    promptId: 'p',
    promptText: `Prompt ${n}`,
    answer: `Answer number ${n}`,
    createdAt: at,
    updatedAt: at,
  };
}
function dueAction(n: number): Action {
  // n = 1 is due soonest (the longest overdue comes first).
  const at = NOW - 400 * DAY + n * DAY;
  return {
    id: `due${n}`,
    text: `Due action ${n}`,
    source: { kind: 'none' },
    status: 'open',
    followUpAt: at,
    createdAt: at - DAY,
    updatedAt: at - DAY,
  };
}
function doneAction(n: number): Action {
  const at = NOW - n * DAY;
  return {
    id: `done${n}`,
    text: `Done action ${n}`,
    source: { kind: 'none' },
    status: 'done',
    doneAt: at,
    createdAt: at - DAY,
    updatedAt: at,
  };
}

let host: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

const buttonNamed = (name: RegExp) => [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const answersShown = () => [...host.querySelectorAll('.journal-answer')].map((p) => p.textContent);
/** The text of the focused entry (an answer's card or an action's item); '' when none has it. */
const focusedEntry = () => {
  const active = document.activeElement;
  return active?.matches('.journal-entry, .action-item') ? (active.textContent ?? '') : '';
};

async function seed(reflections: Reflection[], actions: Action[] = []) {
  const db = await getDb();
  const tx = db.transaction(['reflections', 'actions'], 'readwrite');
  for (const r of reflections) void tx.objectStore('reflections').put(r);
  for (const a of actions) void tx.objectStore('actions').put(a);
  await tx.done;
}

describe('the journal draws a page of answers at a time', () => {
  const journal = (query: Route['query'] = {}) => <JournalSection route={{ section: 'journal', query }} />;

  it('shows the newest 50, then 50 more with the focus on the first new one, then the rest', async () => {
    await seed(Array.from({ length: 130 }, (_, i) => reflection(i + 1)));
    await act(async () => render(journal(), host));
    await vi.waitFor(() => expect(answersShown()).toHaveLength(JOURNAL_PAGE));
    expect(answersShown()[0]).toBe('Answer number 1');
    expect(answersShown()[49]).toBe('Answer number 50');
    expect(host.textContent).toContain('130 answers');
    expect(host.textContent).toContain('Showing 50 of 130');

    await act(async () => buttonNamed(/^Show 50 more$/)!.click());
    expect(answersShown()).toHaveLength(100);
    expect(answersShown()[50]).toBe('Answer number 51');
    expect(focusedEntry()).toContain('Answer number 51');

    await act(async () => buttonNamed(/^Show 30 more$/)!.click());
    expect(answersShown()).toHaveLength(130);
    expect(answersShown()[129]).toBe('Answer number 130');
    expect(buttonNamed(/^Show \d+ more$/)).toBeUndefined();
    expect(host.textContent).not.toContain('Showing');
  });

  it('a search starts again from its first page, of the matches', async () => {
    // Answers 1–130; those ending in 0 or 5 also say "retro": 26 of them.
    await seed(
      Array.from({ length: 130 }, (_, i) => {
        const r = reflection(i + 1);
        return (i + 1) % 5 === 0 ? { ...r, answer: `${r.answer} in the retro` } : r;
      }),
    );
    await act(async () => render(journal(), host));
    await vi.waitFor(() => expect(answersShown()).toHaveLength(JOURNAL_PAGE));
    await act(async () => buttonNamed(/^Show 50 more$/)!.click());
    expect(answersShown()).toHaveLength(100);

    const search = host.querySelector<HTMLInputElement>('input[type=search]')!;
    search.focus();
    await act(async () => {
      search.value = 'answer';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(answersShown()).toHaveLength(JOURNAL_PAGE);
    expect(host.textContent).toContain('Showing 50 of 130');
    // Typing keeps the focus in the box: no entry drawn by the search takes it.
    expect(document.activeElement).toBe(search);

    await act(async () => {
      search.value = 'retro';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(answersShown()).toHaveLength(26);
    expect(buttonNamed(/^Show \d+ more$/)).toBeUndefined();
  });

  it('a link to an answer far down draws up to it, focuses it and marks it', async () => {
    await seed(Array.from({ length: 130 }, (_, i) => reflection(i + 1)));
    await act(async () => render(journal({ reflection: 'r120' }), host));
    await vi.waitFor(() => expect(answersShown()).toContain('Answer number 120'));
    expect(answersShown()).toHaveLength(130);
    await vi.waitFor(() => expect(focusedEntry()).toContain('Answer number 120'));
    expect((document.activeElement as HTMLElement).classList.contains('list-linked')).toBe(true);
  });
  it('a link moves the focus once: a search that hides and shows its answer again leaves it in the box', async () => {
    await seed(Array.from({ length: 130 }, (_, i) => reflection(i + 1)));
    await act(async () => render(journal({ reflection: 'r120' }), host));
    await vi.waitFor(() => expect(focusedEntry()).toContain('Answer number 120'));
    const search = host.querySelector<HTMLInputElement>('input[type=search]')!;
    search.focus();
    for (const words of ['nothing like it', '']) {
      await act(async () => {
        search.value = words;
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    expect(answersShown()).toContain('Answer number 120');
    expect(document.activeElement).toBe(search);
  });
});

describe('the actions list draws a page of each group at a time', () => {
  const actions = (query: Route['query'] = {}) => <ActionsSection route={{ section: 'actions', query }} />;
  const itemsIn = (heading: string) => {
    const section = host.querySelector(`section[aria-labelledby="${heading}"]`)!;
    return [...section.querySelectorAll('.action-text')].map((p) => p.textContent);
  };

  it('shows 20 due follow-ups, the longest due first, then 20 more with the focus on the first new one', async () => {
    await seed([], [...Array.from({ length: 45 }, (_, i) => dueAction(i + 1)), doneAction(1)]);
    await act(async () => render(actions(), host));
    await vi.waitFor(() => expect(itemsIn('actions-due-heading')).toHaveLength(ACTIONS_PAGE));
    expect(itemsIn('actions-due-heading')[0]).toBe('Due action 1');
    // The heading still counts them all.
    expect(host.querySelector('#actions-due-heading')?.textContent).toContain('45');
    expect(host.textContent).toContain('Showing 20 of 45');
    expect(itemsIn('actions-done-heading')).toEqual(['Done action 1']);

    await act(async () => buttonNamed(/^Show 20 more$/)!.click());
    expect(itemsIn('actions-due-heading')).toHaveLength(40);
    expect(focusedEntry()).toContain('Due action 21');
    await act(async () => buttonNamed(/^Show 5 more$/)!.click());
    expect(itemsIn('actions-due-heading')).toHaveLength(45);
  });

  it('a link to a done action far down its group draws up to it and focuses it', async () => {
    await seed(
      [],
      Array.from({ length: 60 }, (_, i) => doneAction(i + 1)),
    );
    await act(async () => render(actions({ action: 'done47' }), host));
    await vi.waitFor(() => expect(itemsIn('actions-done-heading')).toContain('Done action 47'));
    expect(itemsIn('actions-done-heading')).toHaveLength(60);
    await vi.waitFor(() => expect(focusedEntry()).toContain('Done action 47'));
  });
});
