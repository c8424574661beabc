import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, findTab, firefoxPath, launchFirefox, openTab, until, type Firefox } from '../firefox/bidi';
import { articleFixture, ROOT } from './harness';

// Quotes marked on their page in a real Firefox (the content script's world and the page's share
// one highlight registry): keep a quote from the popup, and the page has it in its highlight.

const ADDON_ID = 'learning-loop@learning-loop.app';
const FIXES = 'These were the fixes that I recommended to Mojang 2 years ago.';
let firefox: Firefox | undefined;
let server: Server | undefined;
afterAll(async () => {
  await firefox?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe.runIf(Boolean(firefoxPath()))('quotes on the page in a real Firefox', () => {
  it('a kept quote is highlighted in the page', async () => {
    const html = articleFixture('ars-1');
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const articleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/science/2015/07/some-article/`;
    firefox = await launchFirefox(ADDON_ID);
    const { bidi, extensionOrigin } = firefox;
    await bidi.send('webExtension.install', {
      extensionData: { type: 'path', path: join(ROOT, process.env.WXT_OUT_DIR ?? '.output-e2e', 'firefox-mv3') },
    });
    const library = await until('the welcome page', () => findTab(bidi, `${extensionOrigin}/library.html`));
    const article = await openTab(bidi, articleUrl);
    const tabId = await until('the article tab', () =>
      evaluate<number | undefined>(
        bidi,
        library,
        `browser.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(articleUrl)} && tab.status === 'complete')?.id)`,
      ),
    );
    await evaluate(
      bidi,
      article,
      `(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) { const at = n.data.indexOf(${JSON.stringify(FIXES)}); if (at < 0) continue; const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + ${FIXES.length}); getSelection().removeAllRanges(); getSelection().addRange(r); return true; } return false; })()`,
    );
    await evaluate(bidi, library, `browser.tabs.create({ url: '/popup.html?tab=${tabId}' }).then(() => true)`);
    const popup = await until('the popup page', () => findTab(bidi, `${extensionOrigin}/popup.html`));
    await until('Save as quote', () =>
      evaluate<boolean>(
        bidi,
        popup,
        `(() => { const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save as quote'); b?.click(); return Boolean(b); })()`,
      ),
    );
    const line = await until('the line', () =>
      evaluate<string | null>(bidi, popup, `document.querySelector('.page-quotes')?.textContent ?? null`).then(
        (text) => text ?? undefined,
      ),
    );
    expect(line).toBe('1 quote highlighted on the page');
    const marked = await evaluate<string[] | null>(
      bidi,
      article,
      `(() => { const h = CSS.highlights.get('learning-loop-quote'); return h ? [...h].map((r) => r.toString()) : null; })()`,
    );
    expect(marked).toEqual([FIXES]);
  }, 120_000);
});
