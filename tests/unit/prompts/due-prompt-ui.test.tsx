import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DuePrompt } from '../../../components/popup/DuePrompt';
import { listReflections } from '../../../lib/db/reflections';
import { saveResource } from '../../../lib/db/resources';
import { readDraft } from '../../../lib/pages/drafts';
import { duePrompt } from '../../../lib/settings';

const due = {
  promptId: 'followUpWentWell',
  group: 'followUp',
  kind: 'builtIn' as const,
  text: 'What went well this week, and why?',
  shownAt: 1,
};
let host: HTMLElement;

async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<DuePrompt />, host);
  });
}
afterEach(() => {
  render(null, host);
  host.remove();
});

function textbox(): HTMLTextAreaElement {
  return host.querySelector('textarea')!;
}
/** The accessible name of the textbox: the text of its <label for>. */
function nameOf(element: HTMLElement): string {
  return host.querySelector(`label[for="${element.id}"]`)?.textContent ?? '';
}
function button(name: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}
async function type(value: string) {
  await act(async () => {
    textbox().value = value;
    textbox().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Compact at first: the question and Answer, which opens the box and puts the focus in it. */
async function openAnswer() {
  await vi.waitFor(() => expect(host.textContent).toContain(due.text));
  expect(textbox()).toBeNull();
  await act(async () => button('Answer').click());
  await vi.waitFor(() => expect(textbox()).toBeTruthy());
}

describe('DuePrompt', () => {
  it('renders nothing when no prompt is due', async () => {
    await mount();
    expect(host.innerHTML).toBe('');
  });

  it('asks the due prompt: a focused textbox named by the prompt, Save answer, and a draft on every input', async () => {
    await duePrompt.setValue(due);
    await mount();
    await openAnswer();
    expect(nameOf(textbox())).toBe('What went well this week, and why?');
    expect(document.activeElement).toBe(textbox());
    await type('We cut scope early');
    await vi.waitFor(async () => expect((await readDraft('')).answer).toBe('We cut scope early'));

    await act(async () => button('Save answer').click());
    await vi.waitFor(async () => expect(await listReflections()).toHaveLength(1));
    expect((await listReflections())[0]).toMatchObject({
      promptId: 'followUpWentWell',
      promptText: due.text,
      answer: 'We cut scope early',
    });
    await vi.waitFor(() => expect(host.textContent).toContain('Saved to your journal.'));
    const action = [...host.querySelectorAll('a')].find((a) => a.textContent === 'Turn into an action')!;
    const reflection = (await listReflections())[0]!;
    expect(action.getAttribute('href')).toContain(`#actions?from=${encodeURIComponent(`reflection:${reflection.id}`)}`);
    expect(await duePrompt.getValue()).toBeNull();
    expect((await readDraft('')).answer).toBe('');
  });

  it('restores the draft typed before the popup closed', async () => {
    await duePrompt.setValue(due);
    await mount();
    await openAnswer();
    await type('Half a thought');
    await vi.waitFor(async () => expect((await readDraft('')).answer).toBe('Half a thought'));
    render(null, host);
    await mount();
    // A waiting draft opens the box at once, without taking the focus from the page's action.
    await vi.waitFor(() => expect(textbox()?.value).toBe('Half a thought'));
    expect(document.activeElement).not.toBe(textbox());
  });

  it('Skip is one click: nothing stored, nothing due', async () => {
    await duePrompt.setValue(due);
    await mount();
    await vi.waitFor(() => expect(host.textContent).toContain(due.text));
    expect(textbox()).toBeNull();
    await act(async () => button('Skip').click());
    await vi.waitFor(() => expect(host.innerHTML).toBe(''));
    expect(await duePrompt.getValue()).toBeNull();
    expect(await listReflections()).toHaveLength(0);
  });

  it('an empty answer is not saved and says why', async () => {
    await duePrompt.setValue(due);
    await mount();
    await openAnswer();
    await act(async () => button('Save answer').click());
    await vi.waitFor(() =>
      expect(host.querySelector('[role="alert"]')?.textContent).toBe('Write a few words first, or skip this one.'),
    );
    expect(await listReflections()).toHaveLength(0);
  });

  it('suggests one short resource from the queue as a micro-learning nudge', async () => {
    await saveResource({
      url: 'https://example.com/long',
      canonicalUrl: 'https://example.com/long',
      kind: 'article',
      title: 'A long read',
      readingMinutes: 40,
    });
    await saveResource({
      url: 'https://example.com/short',
      canonicalUrl: 'https://example.com/short',
      kind: 'article',
      title: 'A short read',
      readingMinutes: 5,
    });
    await duePrompt.setValue(due);
    await mount();
    await openAnswer();
    await vi.waitFor(() => expect(host.querySelector('.micro')?.textContent).toContain('A short read'));
    expect(host.querySelector('.micro')?.textContent).toContain('Fits a short break');
    expect(host.textContent).not.toContain('A long read');
  });

  it('a prompt about a saved resource shows what was taken from it, with a link to its page', async () => {
    const { resource } = await saveResource({
      url: 'https://example.com/sre',
      canonicalUrl: 'https://example.com/sre',
      kind: 'article',
      title: 'Site Reliability Engineering',
    });
    const { addTakeaways } = await import('../../../lib/app/takeaways');
    await addTakeaways(resource.id, 'Error budgets\nBlameless postmortems');
    await duePrompt.setValue({
      ...due,
      promptId: 'resourceApply',
      kind: 'resource',
      text: 'What is one thing from “Site Reliability Engineering” you will apply?',
      resourceId: resource.id,
      resourceTitle: resource.title,
    });
    await mount();
    await vi.waitFor(() => expect(host.querySelector('.prompt-context')?.textContent).toContain('Error budgets'));
    const context = host.querySelector('.prompt-context')!;
    expect(context.textContent).toContain('Blameless postmortems');
    expect(context.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`library\\.html#resource/${resource.id}$`),
    );
  });

  it('Later puts the prompt off: gone from the popup until the snooze is over, then back', async () => {
    const { promptAlarmState } = await import('../../../lib/settings');
    await duePrompt.setValue(due);
    await mount();
    await vi.waitFor(() => expect(host.textContent).toContain(due.text));
    await act(async () => button('Later').click());
    await vi.waitFor(() => expect(host.innerHTML).toBe(''));
    const state = await promptAlarmState.getValue();
    expect(state.reason).toBe('snooze');
    expect(state.scheduledFor! - Date.now()).toBeGreaterThan(59 * 60_000);
    // Still due: it comes back when the snooze is over (the background moves the state on).
    expect(await duePrompt.getValue()).toMatchObject({ promptId: due.promptId });
    render(null, host);
    await mount();
    // Both storage reads answered and rendered: still nothing asked.
    await act(async () => {
      await Promise.all([duePrompt.getValue(), promptAlarmState.getValue()]);
    });
    expect(host.innerHTML).toBe('');
    await act(async () => {
      await promptAlarmState.setValue({ ...state, reason: 'slot', scheduledFor: Date.now() + 86_400_000 });
    });
    await vi.waitFor(() => expect(host.textContent).toContain(due.text));
  });
});
