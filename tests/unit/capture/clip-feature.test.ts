import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getResourceByUrl } from '../../../lib/app/resources';
import { CLIP_MENU_PATTERNS, COMMAND_CLIP, MENU_CLIP } from '../../../lib/background/names';
import type { CapturedPage } from '../../../lib/model/captured-page';
import { settle, startBackground } from '../background-harness';
import type { FakeMenusAndCommands } from '../setup';

// Clip this moment without opening the popup: the keyboard command and the watch page's menu.

const talk: CapturedPage = {
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  kind: 'video',
  title: 'The Fifth Discipline in practice',
  videoId: 'dQw4w9WgXcQ',
  durationSec: 2537,
  chapters: [
    { startSec: 0, title: 'Intro' },
    { startSec: 600, title: 'Shared vision' },
  ],
};
const tab = { id: 7, url: talk.url, title: talk.title, status: 'complete', index: 0 } as never;
const fake = fakeBrowser as unknown as FakeMenusAndCommands;
const shown = async () =>
  Object.values(await fakeBrowser.notifications.getAll()) as unknown as { title: string; message: string }[];

function playerAt(page: CapturedPage) {
  const executeScript = vi.fn(async () => [{ result: page }]);
  (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
  return executeScript;
}

describe('clip this moment (command and menu)', () => {
  let stop: () => void = () => undefined;
  beforeEach(async () => {
    stop = startBackground();
    await settle();
  });
  afterEach(() => stop());

  it.each([
    { name: 'the shortcut', fire: () => fake.commands.onCommand.trigger(COMMAND_CLIP, tab) },
    { name: 'the page menu', fire: () => fake.contextMenus.onClicked.trigger({ menuItemId: MENU_CLIP } as never, tab) },
  ])(
    '$name saves the video if new, clips the moment with its chapter and says so; each press is a clip',
    async ({ fire }) => {
      playerAt({ ...talk, positionSec: 754 });
      await fire();
      await vi.waitFor(async () =>
        expect((await shown()).map((n) => n.title)).toEqual(['Clipped 12:34 · Shared vision']),
      );
      playerAt({ ...talk, positionSec: 95 });
      await fire();
      await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toContain('Clipped 1:35 · Intro'));
      const saved = await getResourceByUrl(talk.canonicalUrl);
      expect(saved?.clips.map((c) => [c.atSec, c.chapter, c.note])).toEqual([
        [95, 'Intro', ''],
        [754, 'Shared vision', ''],
      ]);
      // The first save set where to resume; the clips did not move it.
      expect(saved?.positionSec).toBe(754);
      // The toolbar button confirms for a minute: a tick, and what was clipped on hover.
      expect(await fakeBrowser.action.getBadgeText({})).toBe('✓');
      expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: Clipped 1:35 · Intro');
      const alarm = await fakeBrowser.alarms.get('clip-confirmed');
      expect(alarm).toBeDefined();
      await fakeBrowser.alarms.onAlarm.trigger(alarm!);
      await settle();
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
      expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: save this page');
    },
  );

  it('a tab without a video clips nothing and says so', async () => {
    playerAt({
      url: 'https://blog.example.org/a',
      canonicalUrl: 'https://blog.example.org/a',
      kind: 'article',
      title: 'A',
    });
    await fake.commands.onCommand.trigger(COMMAND_CLIP, tab);
    await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toEqual(['No video to clip in this tab']));
    expect(await getResourceByUrl('https://blog.example.org/a')).toBeUndefined();
  });

  it('the menu item is offered on watch pages only', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() =>
      expect(fake.contextMenus.items.find((m) => m.id === MENU_CLIP)?.documentUrlPatterns).toEqual(CLIP_MENU_PATTERNS),
    );
  });
});
