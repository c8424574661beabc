import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getResourceByUrl } from '../../../lib/app/resources';
import {
  noteTyped,
  type PanelState,
  panelState,
  pollPanel,
  resetPanelForTests,
  startPanel,
  storeNote,
  subscribePanel,
} from '../../../lib/app/side-panel';
import { controlPlayerInPage, type PlayerAction, readPlayerInPage } from '../../../lib/capture/player';
import type { CapturedPage } from '../../../lib/model/captured-page';

// The panel follows its tab's video: a new video (another tab, or in-site navigation) replaces the
// last one whole; a note's moment is its first keystroke's, and a video the note paused plays again.

const video = (id: string, title: string): CapturedPage => ({
  url: `https://www.youtube.com/watch?v=${id}`,
  canonicalUrl: `https://www.youtube.com/watch?v=${id}`,
  kind: 'video',
  title,
  videoId: id,
  durationSec: 600,
  chapters: [
    { startSec: 0, title: 'Intro' },
    { startSec: 10, title: 'Main' },
  ],
});
const A = video('aaaaaaaaaaa', 'Talk A');
const B = video('bbbbbbbbbbb', 'Talk B');

/** What each tab shows: its address, its player; a tab missing here refuses scripts (no grant). */
let tabs: Record<number, { page: CapturedPage; timeSec: number; paused: boolean }> = {};
const actions: PlayerAction[] = [];

function fakeScripting() {
  const executeScript = vi.fn(
    async (injection: { target: { tabId: number }; func?: unknown; files?: string[]; args?: unknown[] }) => {
      const tab = tabs[injection.target.tabId];
      if (!tab) throw new Error('Cannot access contents of the page');
      if (injection.func === readPlayerInPage)
        return [{ result: { href: tab.page.url, timeSec: tab.timeSec, durationSec: 600, paused: tab.paused } }];
      if (injection.func === controlPlayerInPage) {
        const action = injection.args![0] as PlayerAction;
        actions.push(action);
        if (action.kind === 'pause') tab.paused = true;
        if (action.kind === 'play') tab.paused = false;
        if (action.kind === 'seek') tab.timeSec = action.atSec;
        return [{ result: true }];
      }
      return [{ result: { ...tab.page, positionSec: tab.timeSec } }];
    },
  );
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
}

const views: PanelState[] = [];
let stops: (() => void)[] = [];
beforeEach(() => {
  resetPanelForTests();
  tabs = {};
  actions.length = 0;
  views.length = 0;
  fakeScripting();
  stops = [subscribePanel(() => views.push(panelState()))];
});
afterEach(() => {
  for (const stop of stops) stop();
});

const shownTitle = () => {
  const { view } = panelState();
  return view.phase === 'video' ? view.page.title : view.phase;
};

describe('the panel follows its tab', () => {
  it('an in-site navigation shows the new video with its own time, never the first one under it', async () => {
    tabs[5] = { page: A, timeSec: 42, paused: false };
    stops.push(startPanel('?tab=5'));
    await vi.waitFor(() => expect(shownTitle()).toBe('Talk A'));
    await vi.waitFor(() => expect(panelState().timeSec).toBe(42));
    tabs[5] = { page: B, timeSec: 3, paused: false };
    const from = views.length;
    await vi.waitFor(() => expect(shownTitle()).toBe('Talk B'), { timeout: 3000 });
    await vi.waitFor(() => expect(panelState().timeSec).toBe(3));
    // Between the two, nothing of A with B's address and time: A went before B came.
    const after = views.slice(from);
    const firstB = after.findIndex((s) => s.view.phase === 'video' && s.view.page.title === 'Talk B');
    expect(after.slice(firstB).every((s) => s.view.phase !== 'video' || s.view.page.title === 'Talk B')).toBe(true);
    expect(after.some((s) => s.view.phase === 'looking')).toBe(true);
  });

  it('another tab made active: its video, or the neutral state where the panel may not read it', async () => {
    tabs[1] = { page: A, timeSec: 7, paused: true };
    tabs[2] = { page: B, timeSec: 9, paused: true };
    fakeBrowser.tabs.query = vi.fn(async () => [{ id: 1, windowId: 4 }]) as never;
    stops.push(startPanel(''));
    await vi.waitFor(() => expect(shownTitle()).toBe('Talk A'));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 4 });
    await vi.waitFor(() => expect(shownTitle()).toBe('Talk B'));
    // Another window's tab is not this panel's.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 1, windowId: 9 });
    expect(panelState().tabId).toBe(2);
    // Tab 3 refuses scripts: neutral, with none of B.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: 4 });
    await vi.waitFor(() => expect(shownTitle()).toBe('no-grant'));
  });
});

describe('a page with no talk', () => {
  it('is read whole once, not again at every look at its player', async () => {
    const article: CapturedPage = {
      url: 'https://blog.example.org/a',
      canonicalUrl: 'https://blog.example.org/a',
      kind: 'article',
      title: 'A',
    };
    // A short looping clip on an article: a <video>, but no talk.
    tabs[7] = { page: article, timeSec: 3, paused: false };
    stops.push(startPanel('?tab=7'));
    await vi.waitFor(() => expect(shownTitle()).toBe('not-video'));
    for (let i = 0; i < 3; i++) await pollPanel();
    const executeScript = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } })
      .scripting.executeScript;
    const wholeReads = executeScript.mock.calls.filter(([injection]) => (injection as { files?: string[] }).files);
    expect(wholeReads).toHaveLength(1);
    // Nor does the panel flicker back to looking.
    const decided = views.findIndex((s) => s.view.phase === 'not-video');
    expect(views.slice(decided).every((s) => s.view.phase === 'not-video')).toBe(true);
  });
});

describe('a note in the panel', () => {
  it('takes its moment at the first keystroke, pauses the playing video, stores there with what was said, and plays again', async () => {
    tabs[5] = { page: { ...A, transcriptNow: ['So we start with dialogue.'] }, timeSec: 12, paused: false };
    stops.push(startPanel('?tab=5'));
    await vi.waitFor(() => expect(panelState().timeSec).toBe(12));
    noteTyped('D');
    expect(panelState().moment).toBe(12);
    await vi.waitFor(() => expect(actions).toEqual([{ kind: 'pause' }]));
    tabs[5]!.timeSec = 14;
    noteTyped('Dialogue');
    expect(panelState().moment).toBe(12);
    const outcome = await storeNote('Dialogue\nnot slides');
    expect(outcome).toEqual({ ok: true, text: 'Clipped 0:12 · Main.' });
    await vi.waitFor(() => expect(actions).toEqual([{ kind: 'pause' }, { kind: 'play' }]));
    const saved = await getResourceByUrl(A.canonicalUrl);
    expect(saved?.clips.map((c) => [c.atSec, c.chapter, c.note, c.transcript])).toEqual([
      [12, 'Main', 'Dialogue\nnot slides', ['So we start with dialogue.']],
    ]);
  });

  it('a video the user paused stays paused after the note', async () => {
    tabs[5] = { page: A, timeSec: 30, paused: true };
    stops.push(startPanel('?tab=5'));
    await vi.waitFor(() => expect(panelState().timeSec).toBe(30));
    noteTyped('x');
    await storeNote('x');
    expect(actions).toEqual([]);
    expect(tabs[5]!.paused).toBe(true);
  });
});
