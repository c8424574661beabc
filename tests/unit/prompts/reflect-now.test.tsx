import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JournalSection } from '../../../components/library/JournalSection';
import { getDb } from '../../../lib/db/open';
import { listReflections } from '../../../lib/db/reflections';
import { BUILT_IN_PROMPTS } from '../../../lib/prompts/catalogue';
import { parseRoute } from '../../../lib/routes';
import { disabledBuiltInPrompts, duePrompt } from '../../../lib/settings';

// "Reflect now" offered one random question, no other and no free entry.

const kept = ['followUpWentWell', 'collaborationTeam', 'customersSay'];

let host: HTMLElement;
/** The library's router in small: the journal re-renders with the route the address names. */
async function mountAt(hash: string) {
  location.hash = hash;
  host = document.createElement('div');
  document.body.append(host);
  const draw = () => render(<JournalSection route={parseRoute(location.hash)} />, host);
  window.addEventListener('hashchange', draw);
  await act(async () => draw());
  return () => window.removeEventListener('hashchange', draw);
}
let unmount: () => void = () => undefined;
afterEach(() => {
  unmount();
  render(null, host);
  host.remove();
  location.hash = '';
});

const question = () => host.querySelector('label.journal-question')?.textContent ?? '';
const textbox = () => host.querySelector<HTMLTextAreaElement>('#journal-answer')!;
function control(name: string): HTMLElement {
  const found = [...host.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no control ${name}`);
  return found;
}
async function click(name: string) {
  await act(async () => control(name).click());
}
async function type(value: string) {
  await act(async () => {
    textbox().value = value;
    textbox().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
/** Presses "Another question" and waits for the question to change. */
async function another(): Promise<string> {
  const before = question();
  await click('Another question');
  await vi.waitFor(() => expect(question()).not.toBe(before));
  return question();
}

async function keepOnlyThreeQuestions() {
  await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id).filter((id) => !kept.includes(id)));
}

describe('Reflect now: another question, and free writing', () => {
  it('"Another question" offers a new one each time until all were offered, keeping what was typed', async () => {
    await keepOnlyThreeQuestions();
    unmount = await mountAt('#journal?prompt=followUpWentWell');
    await vi.waitFor(() => expect(question()).toBeTruthy());
    const first = question();
    await type('We shipped the fix on Tuesday');
    const second = await another();
    const third = await another();
    expect(new Set([first, second, third]).size).toBe(3);
    // What was typed is the user's, whichever question it ends up answering.
    expect(textbox().value).toBe('We shipped the fix on Tuesday');
    // All three offered: the round starts again from the one asked longest ago.
    expect(await another()).toBe(first);
    await click('Save answer');
    await vi.waitFor(async () => expect(await listReflections()).toHaveLength(1));
    const [saved] = await listReflections();
    expect(saved?.promptText).toBe(first);
    expect(saved?.answer).toBe('We shipped the fix on Tuesday');
  });

  it('the only question turned on: says there is no other, and offers free writing', async () => {
    await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id).filter((id) => id !== 'customersSay'));
    unmount = await mountAt('#journal?prompt=customersSay');
    await vi.waitFor(() => expect(question()).toBeTruthy());
    const only = question();
    await click('Another question');
    await vi.waitFor(() => expect(host.textContent).toContain('No other question to offer'));
    expect(question()).toBe(only);
    expect(control('Write freely').getAttribute('href')).toBe('#journal?prompt=freeWriting');
  });

  it('free writing: a journal entry with no question, saved and shown as free writing', async () => {
    const db = await getDb();
    const now = Date.now();
    await db.put('reflections', {
      id: 'r0',
      promptId: 'followUpWentWell',
      promptText: 'What went well?',
      answer: 'An older answer',
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000,
    });
    unmount = await mountAt('#journal');
    await vi.waitFor(() => expect(host.textContent).toContain('An older answer'));
    // Beside Reflect now, at the top of the journal.
    expect(control('Write freely').getAttribute('href')).toBe('#journal?prompt=freeWriting');
    await act(async () => {
      location.hash = '#journal?prompt=freeWriting';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await vi.waitFor(() => expect(question()).toBe('Free writing'));
    expect(host.textContent).toContain('no question needed');
    await type('Pairing with Sam on the flaky test taught me to read the CI logs first.');
    await click('Save to journal');
    await vi.waitFor(async () => expect(await listReflections()).toHaveLength(2));
    const free = (await listReflections()).find((r) => r.id !== 'r0')!;
    expect(free).toMatchObject({ promptId: 'freeWriting', promptText: 'Free writing' });
    expect(free.resourceId).toBeUndefined();
    await vi.waitFor(() =>
      expect([...host.querySelectorAll('.journal-prompt')].map((h) => h.textContent)).toContain('Free writing'),
    );
  });

  it('from free writing, "Give me a question" asks one, the text staying', async () => {
    await keepOnlyThreeQuestions();
    unmount = await mountAt('#journal?prompt=freeWriting');
    await vi.waitFor(() => expect(question()).toBe('Free writing'));
    await type('Half a thought');
    await click('Give me a question');
    await vi.waitFor(() => expect(question()).not.toBe('Free writing'));
    expect(textbox().value).toBe('Half a thought');
  });

  it('another question in place of the due one: the due prompt is done for now (the badge goes)', async () => {
    await keepOnlyThreeQuestions();
    await duePrompt.setValue({
      promptId: 'customersSay',
      group: 'customers',
      kind: 'builtIn',
      text: 'What did a customer say this week?',
      shownAt: Date.now(),
    });
    expect(await duePrompt.getValue()).not.toBeNull();
    unmount = await mountAt('#journal?prompt=customersSay');
    await vi.waitFor(() => expect(question()).toBeTruthy());
    await another();
    await vi.waitFor(async () => expect(await duePrompt.getValue()).toBeNull());
  });
});
