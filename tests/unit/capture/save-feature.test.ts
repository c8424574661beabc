import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getResourceByUrl } from '../../../lib/app/resources';
import { saveSetting } from '../../../lib/app/settings';
import { pageFromLink } from '../../../lib/background/save-feature';
import { COMMAND_SAVE_PAGE, MENU_SAVE_LINK, MENU_SAVE_PAGE } from '../../../lib/background/names';
import type { CapturedPage } from '../../../lib/model/captured-page';
import { readLocale } from '../../../scripts/locales';
import { settle, startBackground } from '../background-harness';
import type { FakeMenusAndCommands } from '../setup';

describe('pageFromLink: what a right-clicked link saves, from its address alone', () => {
  it.each<[string, string | undefined, Partial<CapturedPage> | null]>([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
      'Keynote',
      { kind: 'video', videoId: 'dQw4w9WgXcQ', title: 'Keynote', site: 'YouTube', positionSec: 754 },
    ],
    ['https://youtu.be/dQw4w9WgXcQ?t=90', undefined, { kind: 'video', videoId: 'dQw4w9WgXcQ', positionSec: 90 }],
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      '  ',
      { kind: 'video', title: 'youtube.com/watch', canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    ],
    [
      'https://blog.example.org/2024/shadowing/?utm_source=feed',
      '  What shadowing   taught us ',
      {
        kind: 'page',
        title: 'What shadowing taught us',
        site: 'blog.example.org',
        canonicalUrl: 'https://blog.example.org/2024/shadowing/',
      },
    ],
    ['https://www.example.org/guide/', undefined, { kind: 'page', title: 'example.org/guide', site: 'example.org' }],
    ['javascript:alert(1)', 'x', null],
    ['mailto:team@example.org', 'Mail the team', null],
    ['chrome://settings', undefined, null],
    ['not a url', undefined, null],
  ])('%s (%s)', (url, text, expected) => {
    const page = pageFromLink(url, text);
    if (expected === null) expect(page).toBeNull();
    else expect(page).toMatchObject({ url, ...expected });
  });
});

describe('save from the context menu and the keyboard shortcut', () => {
  let stop: () => void = () => undefined;
  beforeEach(async () => {
    stop = startBackground();
    await settle();
  });
  afterEach(() => stop());

  const fake = fakeBrowser as unknown as FakeMenusAndCommands;
  const menus = () => fake.contextMenus.items;
  const shown = async () =>
    Object.values(await fakeBrowser.notifications.getAll()) as unknown as { title: string; message: string }[];
  const article: CapturedPage = {
    url: 'https://blog.example.org/retro',
    canonicalUrl: 'https://blog.example.org/retro',
    kind: 'article',
    title: 'How we run retros',
  };
  const tab = { id: 3, url: article.url, title: 'How we run retros', status: 'complete', index: 0 } as never;

  it('install creates the page and link menus, in the chosen language after a change', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() =>
      expect(menus().map((m) => [m.id, m.title, m.contexts.join()])).toEqual([
        [MENU_SAVE_PAGE, 'Save this page to Learning Loop', 'page'],
        [MENU_SAVE_LINK, 'Save link to Learning Loop', 'link'],
        ['save-quote', 'Save quote “%s”', 'selection'],
        ['clip-moment', 'Clip this moment in Learning Loop', 'page,video'],
      ]),
    );
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(readLocale('sv'))));
    await saveSetting('language', 'sv');
    await vi.waitFor(() =>
      expect(menus().map((m) => m.title)).toEqual([
        'Spara sidan i Learning Loop',
        'Spara länken i Learning Loop',
        'Spara citatet ”%s”',
        'Klipp det här ögonblicket i Learning Loop',
      ]),
    );
  });

  const cases: { name: string; fire: () => Promise<unknown> }[] = [
    {
      name: 'the page menu',
      fire: () => fake.contextMenus.onClicked.trigger({ menuItemId: MENU_SAVE_PAGE } as never, tab),
    },
    { name: 'the shortcut', fire: () => fake.commands.onCommand.trigger(COMMAND_SAVE_PAGE, tab) },
  ];
  it.each(cases)(
    '$name saves the tab through capture, then says so; again says it is already saved',
    async ({ fire }) => {
      const executeScript = vi.fn(async () => [{ result: article }]);
      (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
      await fire();
      await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toEqual(['Saved to Learning Loop']));
      expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/capture.js'] });
      expect(await getResourceByUrl(article.canonicalUrl)).toMatchObject({
        title: 'How we run retros',
        kind: 'article',
      });
      await fire();
      await vi.waitFor(async () =>
        expect((await shown()).map((n) => n.title)).toContain('Already saved in Learning Loop'),
      );
    },
  );

  it('the link menu saves the link with its moment, and a link that is not a web page saves nothing', async () => {
    await fake.contextMenus.onClicked.trigger(
      {
        menuItemId: MENU_SAVE_LINK,
        linkUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90',
        linkText: 'Talk',
      } as never,
      tab,
    );
    await vi.waitFor(async () =>
      expect(await getResourceByUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toMatchObject({
        kind: 'video',
        title: 'Talk',
        positionSec: 90,
      }),
    );
    await fake.contextMenus.onClicked.trigger(
      { menuItemId: MENU_SAVE_LINK, linkUrl: 'javascript:void(0)' } as never,
      tab,
    );
    await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toContain('Nothing to save on this page'));
  });

  it('a restricted tab (browser settings) saves nothing and says so', async () => {
    await fake.commands.onCommand.trigger(COMMAND_SAVE_PAGE, {
      id: 4,
      url: 'chrome://settings',
      title: 'Settings',
    } as never);
    await vi.waitFor(async () =>
      expect(await shown()).toEqual([
        expect.objectContaining({ title: 'Nothing to save on this page', message: 'Settings' }),
      ]),
    );
  });

  it('another command does nothing', async () => {
    await fake.commands.onCommand.trigger('_execute_action', tab);
    await settle();
    expect(await shown()).toEqual([]);
  });
});
