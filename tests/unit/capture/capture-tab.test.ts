import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  captureFailureMessage,
  captureFailureMessageKey,
  captureTab,
  LOAD_WAIT_MS,
  pageBeforeReading,
  pageScriptFor,
  type ExecuteScript,
} from '../../../lib/capture/capture-tab';
import type { CapturedPage, CaptureFailure } from '../../../lib/model/captured-page';
import { useDictionary } from '../../../lib/i18n';
import { readLocale } from '../../../scripts/locales';

const article: CapturedPage = {
  url: 'https://blog.example/post?utm_source=x',
  canonicalUrl: 'https://blog.example/post',
  kind: 'article',
  title: 'What shadowing taught us',
  author: 'Ada',
  readingMinutes: 6,
};

const answering = (result: unknown) => vi.fn<ExecuteScript>().mockResolvedValue([{ result }]);
const failing = (message = 'Cannot access contents of the page') =>
  vi.fn<ExecuteScript>().mockRejectedValue(new Error(message));

describe('captureTab', () => {
  it('returns what the injected script read', async () => {
    const executeScript = answering(article);
    const result = await captureTab({ id: 7, url: article.url, title: 'x', status: 'complete' }, { executeScript });
    expect(result).toEqual({ ok: true, page: article });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/capture.js'] });
  });

  it('keeps only well-typed fields from the script’s answer', async () => {
    const executeScript = answering({
      ...article,
      thumbnailUrl: 'javascript:alert(1)',
      iconUrl: 'https://blog.example/i.png',
      readingMinutes: Number.NaN,
      author: 42,
      extra: 'x',
    });
    const result = await captureTab({ id: 1, url: article.url }, { executeScript });
    expect(result).toEqual({
      ok: true,
      page: {
        url: article.url,
        canonicalUrl: article.canonicalUrl,
        kind: 'article',
        title: article.title,
        iconUrl: 'https://blog.example/i.png',
      },
    });
  });

  it.each([
    ['chrome settings', 'chrome://settings/'],
    ['the new tab page', 'chrome://newtab/'],
    ['about: pages', 'about:addons'],
    ['Edge settings', 'edge://settings'],
    ['another extension', 'chrome-extension://abcdefghijklmnop/options.html'],
    ['a Firefox extension', 'moz-extension://0b1c-22/popup.html'],
    ['view-source', 'view-source:https://example.com/'],
  ])('refuses %s without running the script, and offers nothing to save', async (_label, url) => {
    const executeScript = answering(article);
    expect(await captureTab({ id: 1, url, title: 'Settings' }, { executeScript })).toEqual({
      ok: false,
      reason: 'restricted',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it.each([
    'https://chromewebstore.google.com/detail/some-extension/abcdefghijklmnop',
    'https://chrome.google.com/webstore/detail/abc',
    'https://microsoftedge.microsoft.com/addons/detail/abc',
  ])('refuses the extension store %s, but its address can still be saved', async (url) => {
    const executeScript = answering(article);
    const result = await captureTab({ id: 1, url, title: 'Some Extension - Chrome Web Store' }, { executeScript });
    expect(result).toMatchObject({
      ok: false,
      reason: 'restricted',
      fallback: { url, kind: 'page', title: 'Some Extension - Chrome Web Store' },
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('explains a failure on a Firefox-protected site as a restriction', async () => {
    const url = 'https://addons.mozilla.org/en-US/firefox/addon/x/';
    const result = await captureTab(
      { id: 1, url, title: 'x' },
      { executeScript: failing('Missing host permission for the tab') },
    );
    expect(result).toMatchObject({ ok: false, reason: 'restricted', fallback: { canonicalUrl: url } });
  });

  it('reads a Firefox-protected site where the browser allows it (Chrome)', async () => {
    const url = 'https://addons.mozilla.org/en-US/firefox/addon/x/';
    const result = await captureTab(
      { id: 1, url },
      { executeScript: answering({ ...article, url, canonicalUrl: url }) },
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'a PDF on the web',
      'https://research.example/papers/Learning.PDF?dl=1',
      'https://research.example/papers/Learning.PDF?dl=1',
    ],
    ['Chrome’s PDF viewer', 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', undefined],
    [
      'a viewer extension with the address in its path',
      'chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https://research.example/p.pdf',
      'https://research.example/p.pdf',
    ],
    [
      'pdf.js with ?file=',
      'moz-extension://abc/web/viewer.html?file=https%3A%2F%2Fresearch.example%2Fq.pdf',
      'https://research.example/q.pdf',
    ],
  ])('reports %s as a PDF', async (_label, url, savable) => {
    const executeScript = answering(article);
    const result = await captureTab({ id: 1, url, title: 'Learning.pdf' }, { executeScript });
    expect(result).toMatchObject({ ok: false, reason: 'pdf' });
    expect(result.ok === false && result.fallback?.url).toBe(savable ?? undefined);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('does not read a tab that is still loading, but offers its address', async () => {
    const executeScript = answering(article);
    const result = await captureTab(
      { id: 1, url: 'https://blog.example/next', title: 'blog.example/next', status: 'loading' },
      { executeScript },
    );
    expect(result).toEqual({
      ok: false,
      reason: 'loading',
      fallback: {
        url: 'https://blog.example/next',
        canonicalUrl: 'https://blog.example/next',
        kind: 'page',
        title: 'blog.example/next',
        site: 'blog.example',
      },
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('waits for a loading tab to finish, then reads the page it finished on', async () => {
    const executeScript = answering(article);
    const waitUntilLoaded = vi.fn(async (tabId: number) => ({
      id: tabId,
      url: 'https://blog.example/next',
      title: 'Next',
      status: 'complete',
    }));
    const result = await captureTab(
      { id: 7, url: 'https://blog.example/next', title: 'blog.example/next', status: 'loading' },
      { executeScript, waitUntilLoaded },
    );
    expect(waitUntilLoaded).toHaveBeenCalledWith(7, LOAD_WAIT_MS);
    expect(result).toMatchObject({ ok: true, page: { title: article.title } });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/capture.js'] });
  });

  it('offers the address only when the tab is still loading after the wait', async () => {
    const executeScript = answering(article);
    const result = await captureTab(
      { id: 7, url: 'https://blog.example/next', title: 'blog.example/next', status: 'loading' },
      { executeScript, waitUntilLoaded: async () => undefined },
    );
    expect(result).toMatchObject({ ok: false, reason: 'loading', fallback: { url: 'https://blog.example/next' } });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('offers a loading YouTube video as a video, at the link’s start time', async () => {
    const url = 'https://youtu.be/Zz_-9876543?t=2m5s&si=share';
    const result = await captureTab(
      {
        id: 1,
        url,
        title: '(2) Running retrospectives that change things - YouTube',
        status: 'loading',
        favIconUrl: 'https://www.youtube.com/favicon.ico',
      },
      { executeScript: answering(article) },
    );
    expect(result).toEqual({
      ok: false,
      reason: 'loading',
      fallback: {
        url,
        canonicalUrl: 'https://www.youtube.com/watch?v=Zz_-9876543',
        kind: 'video',
        title: 'Running retrospectives that change things',
        site: 'YouTube',
        thumbnailUrl: 'https://i.ytimg.com/vi/Zz_-9876543/hqdefault.jpg',
        iconUrl: 'https://www.youtube.com/favicon.ico',
        videoId: 'Zz_-9876543',
        positionSec: 125,
      },
    });
  });

  it('reads a local file when the user allowed file access', async () => {
    const page = {
      url: 'file:///home/me/notes.html',
      canonicalUrl: 'file:///home/me/notes.html',
      kind: 'page',
      title: 'Notes',
    };
    expect(await captureTab({ id: 1, url: page.url }, { executeScript: answering(page) })).toEqual({ ok: true, page });
  });

  it('asks for file access when a local file cannot be read', async () => {
    const result = await captureTab({ id: 1, url: 'file:///home/me/notes.html' }, { executeScript: failing() });
    expect(result).toEqual({ ok: false, reason: 'file-access' });
  });

  it.each([
    ['the script throws', failing()],
    ['the script returns nothing', answering(undefined)],
    ['the script returns something else', answering({ title: 'no url' })],
    ['there are no results', vi.fn<ExecuteScript>().mockResolvedValue([])],
  ])('reports script-failed with a fallback when %s', async (_label, executeScript) => {
    const result = await captureTab({ id: 1, url: 'https://blog.example/post#c', title: 'Post' }, { executeScript });
    expect(result).toMatchObject({
      ok: false,
      reason: 'script-failed',
      fallback: { canonicalUrl: 'https://blog.example/post', title: 'Post' },
    });
  });

  it('reports other schemes as unsupported', async () => {
    expect(await captureTab({ id: 1, url: 'data:text/html,hi' }, { executeScript: answering(article) })).toEqual({
      ok: false,
      reason: 'unsupported-url',
    });
  });

  it.each([
    ['an article', 'https://blog.example/post', '/capture.js'],
    ['a YouTube video', 'https://www.youtube.com/watch?v=aAbBcCdD012&t=30s', '/capture-youtube.js'],
    ['a YouTube short link', 'https://youtu.be/aAbBcCdD012', '/capture-youtube.js'],
    ['a YouTube short', 'https://m.youtube.com/shorts/aAbBcCdD012', '/capture-youtube.js'],
    ['YouTube’s home page', 'https://www.youtube.com/', '/capture.js'],
    ['a YouTube channel', 'https://www.youtube.com/@talks/videos', '/capture.js'],
    ['a page that embeds a YouTube player', 'https://blog.example/our-talk', '/capture.js'],
    ['no address', undefined, '/capture.js'],
  ])('reads %s with %s', (_label, url, script) => {
    expect(pageScriptFor(url)).toBe(script);
  });

  it('injects the YouTube reader into a YouTube video’s tab', async () => {
    const url = 'https://www.youtube.com/watch?v=aAbBcCdD012';
    const video = { url, canonicalUrl: url, kind: 'video', title: 'A talk', videoId: 'aAbBcCdD012' };
    const executeScript = answering(video);
    expect(await captureTab({ id: 4, url, status: 'complete' }, { executeScript })).toEqual({ ok: true, page: video });
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 4 }, files: ['/capture-youtube.js'] });
  });

  describe('a selection: the selection script runs only when the page script saw one', () => {
    const quote = {
      exact: 'Small batches make feedback cheap.',
      prefix: 'learn faster. ',
      fragment: 'text=Small%20batches',
    };
    const scripted = (selectionRead: unknown) =>
      vi.fn<ExecuteScript>(async ({ files: [script] }) =>
        script === '/capture-selection.js'
          ? [{ result: selectionRead }]
          : [{ result: { ...article, selectionPending: true } }],
      );
    const tab = { id: 7, url: article.url, status: 'complete' };

    it('keeps the quote the selection script read, with the page', async () => {
      const executeScript = scripted({ quote });
      expect(await captureTab(tab, { executeScript })).toEqual({ ok: true, page: { ...article, selection: quote } });
      expect(executeScript.mock.calls.map(([injection]) => injection.files[0])).toEqual([
        '/capture.js',
        '/capture-selection.js',
      ]);
    });

    it('passes on how surely the link finds the quote, when it is not sure', async () => {
      for (const link of ['first', 'missed'] as const)
        expect(await captureTab(tab, { executeScript: scripted({ quote, link }) })).toEqual({
          ok: true,
          page: { ...article, selection: quote, selectionLink: link },
        });
      for (const link of ['unique', 'anything', undefined])
        expect(await captureTab(tab, { executeScript: scripted({ quote, link }) })).toEqual({
          ok: true,
          page: { ...article, selection: quote },
        });
    });

    it('passes on a refusal, and checks the quote like the rest of the answer', async () => {
      expect(await captureTab(tab, { executeScript: scripted({ refused: 'form-field' }) })).toEqual({
        ok: true,
        page: { ...article, selectionRefused: 'form-field' },
      });
      expect(await captureTab(tab, { executeScript: scripted({ quote: { exact: 42 } }) })).toEqual({
        ok: true,
        page: article,
      });
    });

    it('still reads the page when the selection script finds nothing or fails', async () => {
      expect(await captureTab(tab, { executeScript: scripted(null) })).toEqual({ ok: true, page: article });
      const refusing = vi.fn<ExecuteScript>(async ({ files: [script] }) => {
        if (script === '/capture-selection.js') throw new Error('Frame with ID 0 was removed.');
        return [{ result: { ...article, selectionPending: true } }];
      });
      expect(await captureTab(tab, { executeScript: refusing })).toEqual({ ok: true, page: article });
    });

    it('never loads the selection script for a page without a selection', async () => {
      const executeScript = answering(article);
      await captureTab(tab, { executeScript });
      expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 7 }, files: ['/capture.js'] });
    });
  });

  it('uses the browser’s scripting API by default', async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ documentId: 'd', frameId: 0, result: article }]);
    expect(await captureTab({ id: 3, url: article.url })).toEqual({ ok: true, page: article });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/capture.js'] });
  });
});

describe('capture failure messages', () => {
  const reasons: CaptureFailure[] = ['restricted', 'loading', 'pdf', 'file-access', 'unsupported-url', 'script-failed'];

  it.each(reasons)('%s has its own English and Swedish message', (reason) => {
    const key = captureFailureMessageKey(reason);
    const english = readLocale('en')[key]?.message;
    const swedish = readLocale('sv')[key]?.message;
    expect(english).toBeTruthy();
    expect(swedish).toBeTruthy();
    expect(swedish).not.toBe(english);
    expect(captureFailureMessage(reason)).toBe(english);
  });

  it('gives every reason a different message', () => {
    expect(new Set(reasons.map(captureFailureMessageKey)).size).toBe(reasons.length);
  });

  it('tells the user the address can still be saved when there is a fallback', () => {
    expect(captureFailureMessage('restricted', true)).toMatch(
      /can't be read.*You can still save its address and title\.$/,
    );
    useDictionary('sv', readLocale('sv'));
    expect(captureFailureMessage('loading', true)).toMatch(
      /^Sidan laddas fortfarande.*Du kan ändå spara sidans adress och titel\.$/,
    );
  });
});

describe('page text is capped at capture, before anything renders it', () => {
  it('a megabyte title in one unbroken word (it froze the popup for 207 s) arrives capped', async () => {
    const word = 'A'.repeat(1_000_000);
    const executeScript = answering({ ...article, title: word, description: word, author: word, site: word });
    const result = await captureTab({ id: 7, url: article.url, title: word, status: 'complete' }, { executeScript });
    if (!result.ok) throw new Error('capture failed');
    expect(result.page.title.length).toBeLessThanOrEqual(500);
    expect(result.page.description!.length).toBeLessThanOrEqual(2_000);
    expect(result.page.author!.length).toBeLessThanOrEqual(200);
    expect(result.page.site!.length).toBeLessThanOrEqual(200);
  });

  it('a tab that cannot be scripted keeps its title capped too', async () => {
    const word = 'B'.repeat(1_000_000);
    const result = await captureTab(
      { id: 7, url: article.url, title: word, status: 'complete' },
      { executeScript: failing() },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fallback!.title.length).toBeLessThanOrEqual(500);
  });

  it('an address longer than any we keep is not cut into another address', async () => {
    const executeScript = answering({ ...article, url: `https://blog.example/${'x'.repeat(5_000)}` });
    const result = await captureTab({ id: 7, url: article.url, title: 'x', status: 'complete' }, { executeScript });
    expect(result.ok).toBe(false);
  });
});

describe('pageBeforeReading: what the popup shows while the script reads', () => {
  const tab = (url: string, extra: Record<string, unknown> = {}) => ({
    id: 3,
    url,
    title: 'A title',
    status: 'complete',
    ...extra,
  });
  it.each([
    ['a web page', tab('https://blog.example/post?utm_source=x'), 'https://blog.example/post'],
    [
      'a YouTube video',
      tab('https://www.youtube.com/watch?v=Xk3tq9bZ0aQ&t=90'),
      'https://www.youtube.com/watch?v=Xk3tq9bZ0aQ',
    ],
    ['a browser page', tab('chrome://settings'), undefined],
    ['a store page (the script is refused there)', tab('https://chromewebstore.google.com/detail/x'), undefined],
    ['Firefox’s add-on site', tab('https://addons.mozilla.org/en-US/firefox/'), undefined],
    ['a PDF', tab('https://example.org/paper.pdf'), undefined],
    [
      'a tab still loading (its document may be the page being left)',
      tab('https://blog.example/post', { status: 'loading' }),
      undefined,
    ],
    ['a tab with no address', { id: 3, status: 'complete' }, undefined],
  ])('%s', (_label, target, canonicalUrl) => {
    expect(pageBeforeReading(target)?.canonicalUrl).toBe(canonicalUrl);
  });
  it('takes the tab’s title and, on YouTube, the moment from the address', () => {
    expect(pageBeforeReading(tab('https://www.youtube.com/watch?v=Xk3tq9bZ0aQ&t=90'))).toMatchObject({
      kind: 'video',
      positionSec: 90,
      title: 'A title',
    });
  });
});
