import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WaitingStrip } from '../../../components/popup/WaitingStrip';
import { createAction } from '../../../lib/app/actions';
import { markBadge } from '../../../lib/background/badge';
import { LIMITS } from '../../../lib/infra/limits';
import { WAITING_KEYS } from '../../../lib/pages/waiting';
import { badgeReasons, badgeWords, duePrompt, type DuePromptState } from '../../../lib/settings';

const QUESTION = 'What did you learn this week that surprised you, and what will you do differently next time?';
const due: DuePromptState = {
  promptId: 'custom-1',
  group: 'custom',
  kind: 'custom',
  text: QUESTION,
  shownAt: 1,
};

let host: HTMLElement | undefined;
async function mount(node: preact.ComponentChild): Promise<HTMLElement> {
  const element = document.createElement('div');
  host = element;
  document.body.append(element);
  await act(async () => render(node, element));
  return element;
}
afterEach(() => {
  if (!host) return;
  render(null, host);
  host.remove();
  host = undefined;
});

const strip = () => host!.querySelector<HTMLButtonElement>('.waiting-strip');
const slot = () => host!.querySelector('.waiting-slot');
const buttonNamed = (name: string) =>
  [...host!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;

describe('the popup’s strip: what waits comes first', () => {
  it('keeps the badge’s keys (read without the settings module)', () => {
    expect(WAITING_KEYS).toEqual({ reasons: badgeReasons.key, words: badgeWords.key });
  });

  it('holds its one-line slot when nothing waits, and says so quietly once it has looked', async () => {
    await mount(<WaitingStrip />);
    expect(slot()!.textContent).toBe('');
    await act(async () => void (await badgeReasons.getValue()));
    expect(slot()).not.toBeNull();
    expect(strip()).toBeNull();
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));
    expect(slot()!.textContent).toBe('Nothing waits for you now.');
  });

  it.each([
    {
      kind: 'prompt' as const,
      words: QUESTION,
      shown: `Question: ${QUESTION.slice(0, LIMITS.waitingWords - 1)}…`,
    },
    { kind: 'follow-up' as const, words: 'Ask QA before planning', shown: 'Follow-up: Ask QA before planning' },
    { kind: 'review' as const, words: undefined, shown: "Review: today's cards from what you learned" },
    {
      kind: 'assessment' as const,
      words: undefined,
      shown: 'Monthly check: how is your learning environment this month?',
    },
  ])('names a waiting $kind in its own words, in the same slot', async ({ kind, words, shown }) => {
    await mount(<WaitingStrip />);
    const before = slot();
    // The background marks the badge (the words cut to their first ones); the open popup follows.
    await act(() => markBadge(kind, true, words));
    await vi.waitFor(() => expect(strip()?.textContent).toBe(shown));
    expect(slot()).toBe(before);
    expect(strip()?.parentElement).toBe(before);
    // Gone from the badge (answered in another window): the strip goes, the slot stays.
    await act(() => markBadge(kind, false));
    await vi.waitFor(() => expect(strip()).toBeNull());
    expect(slot()).toBe(before);
  });

  it('names the first of several and says how many more wait', async () => {
    await fakeBrowser.storage.local.set({
      badgeReasons: ['backup', 'follow-up', 'prompt', 'clipped'],
      badgeWords: { prompt: 'What went well?', 'follow-up': 'Ask QA' },
    });
    await mount(<WaitingStrip />);
    await vi.waitFor(() => expect(strip()?.textContent).toBe('Question: What went well? +1 more'));
  });

  it('reads a damaged item as nothing waiting, and bounds words it did not write', async () => {
    await fakeBrowser.storage.local.set({ badgeReasons: 'prompt', badgeWords: { prompt: 7 } });
    await mount(<WaitingStrip />);
    await act(async () => void (await badgeReasons.getValue()));
    expect(strip()).toBeNull();
    await act(() =>
      fakeBrowser.storage.local.set({ badgeReasons: ['prompt'], badgeWords: { prompt: 'x'.repeat(5000) } }),
    );
    await vi.waitFor(() => expect(strip()?.textContent?.length).toBe('Question: '.length + LIMITS.waitingWords));
  });

  it('loads the question’s card only when used: in place, its box open, with the focus, and no message yet', async () => {
    await duePrompt.setValue(due);
    await markBadge('prompt', true, QUESTION);
    await mount(<WaitingStrip />);
    await vi.waitFor(() => expect(strip()).not.toBeNull());
    expect(host!.querySelector('.due-prompt')).toBeNull();

    await act(async () => strip()!.click());
    await vi.waitFor(() => expect(host!.querySelector('textarea')).not.toBeNull());
    const box = host!.querySelector('textarea')!;
    expect(host!.querySelector(`label[for="${box.id}"]`)?.textContent).toBe(QUESTION);
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
    expect(strip()).toBeNull();
    expect(host!.querySelector('[role="alert"]')).toBeNull();
  });

  it('opens a due follow-up in place with the focus in its answer', async () => {
    const action = await createAction({ text: 'Ask QA before planning', followUpAt: Date.now() - 60_000 });
    await markBadge('follow-up', true, action.text);
    await mount(<WaitingStrip />);
    await vi.waitFor(() => expect(strip()?.textContent).toBe('Follow-up: Ask QA before planning'));
    await act(async () => strip()!.click());
    await vi.waitFor(() =>
      expect(host!.querySelector('.follow-up-action')?.textContent).toBe('Ask QA before planning'),
    );
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('TEXTAREA'));
    expect(document.activeElement?.closest('[data-wait]')?.getAttribute('data-wait')).toBe('follow-up');
  });
});

describe('the due question’s Answer', () => {
  // A browser re-renders between a click's handler and its default action (a microtask checkpoint
  // after each listener): rendering synchronously here does what the browser does there.
  let before: typeof options.debounceRendering;
  beforeEach(() => {
    before = options.debounceRendering;
    options.debounceRendering = (rerender) => rerender();
  });
  afterEach(() => {
    options.debounceRendering = before;
  });

  it('opens the box without saying anything about an empty answer', async () => {
    const { DuePrompt } = await import('../../../components/popup/DuePrompt');
    await duePrompt.setValue(due);
    await mount(<DuePrompt />);
    await vi.waitFor(() => expect(buttonNamed('Answer')).toBeTruthy());
    // Clicked outside act(), which would batch the render until after the click's default action.
    buttonNamed('Answer')!.click();
    await vi.waitFor(() => expect(host!.querySelector('textarea')).not.toBeNull());
    await act(async () => void (await duePrompt.getValue()));
    expect(host!.querySelector('[role="alert"]')).toBeNull();
    expect(host!.textContent).not.toContain('Write a few words first');
    // Said once the user tries to save an empty answer, and only then.
    await act(async () => buttonNamed('Save answer')!.click());
    await vi.waitFor(() =>
      expect(host!.querySelector('[role="alert"]')?.textContent).toBe('Write a few words first, or skip this one.'),
    );
  });
});

describe('the popup opened with something waiting', () => {
  const TAB = {
    id: 7,
    url: 'https://blog.example.org/2026/pairing',
    title: 'Pairing – Example blog',
    status: 'complete',
  };
  const READ = {
    url: TAB.url,
    canonicalUrl: TAB.url,
    kind: 'article',
    title: 'Pairing: what a week taught us',
    site: 'Example blog',
  };
  beforeEach(() => {
    vi.resetModules();
    history.replaceState(null, '', `/popup.html?tab=${TAB.id}`);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(TAB as never);
    (
      fakeBrowser as unknown as { scripting: { executeScript: (injection: { files?: string[] }) => unknown } }
    ).scripting = {
      // The page's read answers; any other script in the tab finds nothing.
      executeScript: vi.fn(async (injection: { files?: string[] }) =>
        injection.files?.includes('/capture.js') ? [{ result: READ }] : [{ result: null }],
      ),
    };
  });

  it('names it above Save, which keeps the focus and its place; the card is not drawn until asked for', async () => {
    // The question's card, recorded as its code loads.
    const loaded: string[] = [];
    vi.doMock('../../../components/popup/DuePrompt', () => {
      loaded.push('DuePrompt');
      return { DuePrompt: () => <section class="due-prompt" data-wait="prompt" /> };
    });
    await duePrompt.setValue(due);
    const { markBadge: mark } = await import('../../../lib/background/badge');
    await mark('prompt', true, QUESTION);
    const [{ App }, { beginCapture }] = await Promise.all([
      import('../../../entrypoints/popup/App'),
      import('../../../lib/app/capture-flow'),
    ]);
    beginCapture();
    const popup = await mount(<App />);
    const save = () => buttonNamed('Save this page');
    await vi.waitFor(() => expect(document.activeElement).toBe(save()));
    await vi.waitFor(() => expect(strip()?.textContent).toContain('Question: What did you learn this week'));
    // The strip's slot comes right before the capture card, which holds Save.
    expect(slot()?.nextElementSibling).toBe(popup.querySelector('.capture'));
    expect(popup.querySelector('.capture')?.contains(save()!)).toBe(true);
    // Only the strip: the question's card and its code wait for the strip's use, while what loads
    // once Save's question is answered (the recent list's read) is in.
    await vi.waitFor(() => expect(popup.querySelector('.recent .empty')).not.toBeNull());
    expect(loaded).toEqual([]);
    expect(popup.querySelector('.due-prompt')).toBeNull();

    // A follow-up comes due while the popup is open: named first after the prompt, nothing moves.
    const before = slot();
    await act(() => mark('follow-up', true, 'Ask QA before planning'));
    await vi.waitFor(() => expect(strip()?.textContent).toContain('+1 more'));
    expect(slot()).toBe(before);
    expect(document.activeElement).toBe(save());

    await act(async () => strip()!.click());
    await vi.waitFor(() => expect(popup.querySelector('.due-prompt')).not.toBeNull());
    expect(loaded).toEqual(['DuePrompt']);
    vi.doUnmock('../../../components/popup/DuePrompt');
  });
});
