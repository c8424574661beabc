// The store listings' screenshots (`npm run screenshots`): exactly 1280×800, as the Chrome Web
// Store asks, in English with the demo library, into docs/store/ (docs/STORE.md lists them).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_VIDEO, seedDemo } from '../demo';
import { extensionUrl, launch, openPopup, ROOT, serve, tabIdFor, type Launched } from '../harness';

const storeDir = process.env.STORE_SHOTS_DIR ?? join(ROOT, 'docs/store');
const WIDTH = 1280;
const HEIGHT = 800;
const ARTICLE = 'https://blog.example.org/2026/11/learning-reviews';
/** A styled article as a reader sees it (the test fixtures are bare markup, drawn unstyled). */
const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Learning reviews: how our team turned incidents into lessons</title>
<meta name="description" content="What we changed after a year of blameless reviews.">
<meta name="author" content="Maja Lindqvist"><meta property="og:site_name" content="Example Engineering">
<style>body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fff}
header{padding:18px 48px;border-bottom:1px solid #ddd;font:600 17px system-ui,sans-serif;color:#1c5d4f}
article{max-width:680px;margin:40px 0 0 120px}h1{font:700 38px/1.2 system-ui,sans-serif;margin:0 0 12px}
.byline{font:15px system-ui,sans-serif;color:#666;margin-bottom:28px}</style></head><body>
<header>Example Engineering</header><article><h1>Learning reviews: how our team turned incidents into lessons</h1>
<p class="byline">Maja Lindqvist · 24 November 2026 · 2 min read</p>
<p>A year ago our incident reviews ended with a list of culprits and a promise to be more careful. Nobody learned much.
We changed three things: we write the timeline before we look for causes, we ask what made sense at the time, and
every action item gets an owner and a follow-up date.</p>
<p>The first change was the hardest. A timeline written first keeps the room on what people saw and knew, instead of
what they should have known. It also surfaces the moments where the system, not a person, made the wrong thing easy.</p>
<p>The second change is a question: “what made sense at the time?” It turns a review from a trial into a study, and
people who were on call start to volunteer what they noticed.</p></article></body></html>`;

/** A PNG's size from its IHDR chunk (bytes 16–23), as a store's upload form reads it. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Still pictures: no caret, no transition half-way, fonts in. */
async function settle(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}',
  });
  await page.evaluate(() => document.fonts.ready);
}

async function libraryShot(ext: Launched, view: string, name: string, ready: (page: Page) => Promise<void>) {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.goto(extensionUrl(ext, `library.html#${view}`));
  await page.locator('#main h1').first().waitFor();
  await page
    .locator('.skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await ready(page);
  await settle(page);
  // A view focuses its heading for screen readers; its focus ring is not part of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(storeDir, `${name}.png`) });
  await page.close();
}

/** The popup as it opens over the page it saves: the page's window with the popup at its top right. */
async function popupBesidePage(ext: Launched): Promise<void> {
  const tab = await ext.context.newPage();
  await tab.setViewportSize({ width: WIDTH, height: HEIGHT });
  await tab.goto(ARTICLE);
  await settle(tab);
  const pageShot = await tab.screenshot();
  const popup = await openPopup(ext, await tabIdFor(ext, ARTICLE));
  await popup.locator('.capture[aria-busy="false"]').waitFor();
  await popup.locator('.recent li, .recent .empty').first().waitFor();
  await settle(popup);
  // A toolbar popup shows no scrollbar until the pointer is over it.
  await popup.addStyleTag({ content: 'html,body{scrollbar-width:none}' });
  const popupShot = await popup.screenshot();
  await popup.close();

  const canvas = await ext.context.newPage();
  await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
  const image = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(
    `<body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative">` +
      `<img src="${image(pageShot)}" style="position:absolute;inset:0">` +
      `<img src="${image(popupShot)}" style="position:absolute;top:12px;right:24px;border-radius:8px;` +
      'box-shadow:0 8px 28px rgb(0 0 0 / 0.35),0 0 0 1px rgb(0 0 0 / 0.15)"></body>',
  );
  await canvas.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await canvas.screenshot({ path: join(storeDir, 'popup-beside-page.png') });
  await canvas.close();
  await tab.close();
}

const SHOTS = ['popup-beside-page', 'library', 'resource', 'review', 'digest'];

it('takes the store screenshots, each exactly 1280×800', async () => {
  mkdirSync(storeDir, { recursive: true });
  const ext = await launch({ lang: 'en-GB', colorScheme: 'light' });
  try {
    await seedDemo(ext);
    await serve(ext.context, ARTICLE, ARTICLE_PAGE);
    await popupBesidePage(ext);
    await libraryShot(ext, 'resources', 'library', async (page) => {
      await page.locator('.res-list li').first().waitFor();
    });
    await libraryShot(ext, `resource/${DEMO_VIDEO}`, 'resource', async () => undefined);
    await libraryShot(ext, 'review', 'review', async () => undefined);
    await libraryShot(ext, 'team', 'digest', async (page) => {
      const digest = page.locator('.digest-panel');
      await digest.waitFor();
      await digest.scrollIntoViewIfNeeded();
    });
  } finally {
    await ext.close();
  }
  for (const name of SHOTS) {
    expect({ name, ...pngSize(readFileSync(join(storeDir, `${name}.png`))) }).toEqual({
      name,
      width: WIDTH,
      height: HEIGHT,
    });
  }
});
