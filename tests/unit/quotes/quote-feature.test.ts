import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getResourceByUrl } from '../../../lib/app/resources';
import { MENU_SAVE_QUOTE } from '../../../lib/background/names';
import type { CapturedPage } from '../../../lib/model/captured-page';
import { settle, startBackground } from '../background-harness';
import type { FakeMenusAndCommands } from '../setup';

// "Save quote" on a selection: the context menu's click, fired as the browser fires it.

const article: CapturedPage = {
  url: 'https://blog.example.org/retros',
  canonicalUrl: 'https://blog.example.org/retros',
  kind: 'article',
  title: 'How we run retros',
  selection: {
    exact: 'Small batches make feedback cheap.',
    prefix: 'Teams that review often learn faster. ',
    suffix: ' That is the whole trick.',
    fragment: 'text=Small%20batches%20make%20feedback%20cheap.',
  },
};
const fake = fakeBrowser as unknown as FakeMenusAndCommands;
const shown = async () =>
  Object.values(await fakeBrowser.notifications.getAll()) as unknown as { title: string; message: string }[];
const tabAt = (url: string, id = 3) => ({ id, url, title: 'How we run retros', status: 'complete', index: 0 }) as never;

function pageReads(page: CapturedPage) {
  const executeScript = vi.fn(async () => [{ result: page }]);
  (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
  return executeScript;
}

const click = (info: Record<string, unknown>, tab: never) =>
  fake.contextMenus.onClicked.trigger({ menuItemId: MENU_SAVE_QUOTE, ...info } as never, tab);

describe('save quote from the context menu', () => {
  let stop: () => void = () => undefined;
  beforeEach(async () => {
    stop = startBackground();
    await settle();
  });
  afterEach(() => stop());

  it('saves the page with its capture and the quote with its place; the same passage again is one quote', async () => {
    pageReads({ ...article, description: 'A team ritual' });
    await click({ selectionText: article.selection!.exact, frameId: 0 }, tabAt(article.url));
    await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toEqual(['Quote saved']));
    expect((await shown())[0]!.message).toBe('“Small batches make feedback cheap.” · How we run retros');
    const saved = await getResourceByUrl(article.canonicalUrl);
    expect(saved?.description).toBe('A team ritual');
    expect(saved?.quotes).toEqual([
      {
        id: expect.any(String),
        ...article.selection,
        note: '',
        createdAt: expect.any(Number),
      },
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('✓');
    expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: Quote saved');

    await click({ selectionText: article.selection!.exact, frameId: 0 }, tabAt(article.url));
    await vi.waitFor(async () =>
      expect((await shown()).map((n) => n.title)).toContain('Already kept: this quote is in Learning Loop'),
    );
    expect((await getResourceByUrl(article.canonicalUrl))?.quotes).toHaveLength(1);
  });

  it('when the passage’s words stand twice on the page, the notification says its link opens at the first', async () => {
    pageReads({ ...article, selectionLink: 'first' });
    await click({ selectionText: article.selection!.exact, frameId: 0 }, tabAt(article.url));
    await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toEqual(['Quote saved']));
    expect((await shown())[0]!.message).toBe(
      '“Small batches make feedback cheap.” · How we run retros\nIts link opens the page at the first place these words stand: they are on the page more than once.',
    );
  });

  it('in the PDF viewer: the menu’s own text is kept, without context, and the notification says so', async () => {
    const executeScript = pageReads(article);
    const pdf = 'https://papers.example.org/team-learning.pdf';
    await click({ selectionText: '  Psychological   safety predicts team learning  ' }, tabAt(pdf));
    await vi.waitFor(async () =>
      expect((await shown()).map((n) => n.title)).toEqual(['Quote saved without its place on the page']),
    );
    expect(executeScript).not.toHaveBeenCalled();
    expect((await shown())[0]!.message).toContain('Open at this quote looks for its words');
    const saved = await getResourceByUrl(pdf);
    expect(saved?.quotes?.map(({ exact, prefix, suffix, fragment }) => ({ exact, prefix, suffix, fragment }))).toEqual([
      {
        exact: 'Psychological safety predicts team learning',
        prefix: undefined,
        suffix: undefined,
        fragment: 'text=Psychological%20safety%20predicts%20team%20learning',
      },
    ]);
  });

  it('in a frame of another site: the selection is the frame’s, so the menu’s text is kept on the page', async () => {
    pageReads({ ...article, selection: undefined });
    await click({ selectionText: 'Text inside an embedded frame', frameId: 12 }, tabAt(article.url));
    await vi.waitFor(async () =>
      expect((await shown()).map((n) => n.title)).toEqual(['Quote saved without its place on the page']),
    );
    expect((await getResourceByUrl(article.canonicalUrl))?.quotes?.map((q) => q.exact)).toEqual([
      'Text inside an embedded frame',
    ]);
  });

  it.each([
    { name: 'the menu says the selection is editable', info: { editable: true }, page: article },
    {
      name: 'the page says it is in a form field',
      info: {},
      page: { ...article, selection: undefined, selectionRefused: 'form-field' as const },
    },
  ])('text in a form field is refused when $name: nothing saved', async ({ info, page }) => {
    pageReads(page);
    await click({ selectionText: 'my own draft', ...info }, tabAt(article.url));
    await vi.waitFor(async () =>
      expect((await shown()).map((n) => n.title)).toEqual(["Text in a form field can't be kept as a quote"]),
    );
    expect(await getResourceByUrl(article.canonicalUrl)).toBeUndefined();
  });

  it('a page no extension may read saves nothing and says why', async () => {
    pageReads(article);
    await click({ selectionText: 'Settings' }, tabAt('chrome://settings/'));
    await vi.waitFor(async () => expect((await shown()).map((n) => n.title)).toEqual(['Nothing to save on this page']));
    expect((await shown())[0]!.message).toMatch(/can't be read/);
  });
});
