import { afterEach, describe, expect, it } from 'vitest';
import {
  articleFixture,
  axeViolations,
  extensionUrl,
  launch,
  openPopup,
  openTab,
  serve,
  tabIdFor,
  type Launched,
} from './harness';
import { DEMO_VIDEO, seedDemo } from './demo';

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const ARTICLE = 'https://arstechnica.com/science/2015/07/some-article/';
const SECTIONS = ['resources', 'log', 'review', 'journal', 'actions', 'team', 'assessment', 'settings', 'welcome'];

async function withSavedArticle(launched: Launched) {
  await serve(launched.context, ARTICLE, articleFixture('ars-1'));
  const tab = await launched.context.newPage();
  await tab.goto(ARTICLE);
  const popup = await openPopup(launched, await tabIdFor(launched, ARTICLE));
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  return popup;
}

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'popup and every library section have no serious or critical axe violations (%s)',
    async (colorScheme) => {
      ext = await launch({ colorScheme });
      const popup = await withSavedArticle(ext);
      expect(await axeViolations(popup)).toEqual([]);

      const library = await ext.context.newPage();
      const found: Record<string, unknown> = {};
      for (const section of SECTIONS) {
        await library.goto(extensionUrl(ext, `library.html#${section}`));
        await library.locator('#main h1').first().waitFor();
        const violations = await axeViolations(library);
        if (violations.length) found[section] = violations;
      }
      // The saved article's own page: notes, quotes, status, sharing.
      await library.goto(extensionUrl(ext, 'library.html#resources'));
      await library.locator('.res-row .res-title').first().click();
      await library.getByRole('region', { name: /^Quotes/ }).waitFor();
      const onResource = await axeViolations(library);
      if (onResource.length) found.resource = onResource;
      const resource = await library.evaluate(() => location.href);
      expect(resource).toContain('library.html#resource/');
      expect(found).toEqual({});
    },
  );

  it.each(['light', 'dark'] as const)(
    'with demo data (a month of learning): every view, the video page and the popup stay clean (%s)',
    async (colorScheme) => {
      ext = await launch({ colorScheme });
      await seedDemo(ext);
      const library = await ext.context.newPage();
      const found: Record<string, unknown> = {};
      for (const section of [...SECTIONS, `resource/${DEMO_VIDEO}`]) {
        await library.goto(extensionUrl(ext, `library.html#${section}`));
        await library.locator('#main h1').first().waitFor();
        await library.locator('#main .skeleton').first().waitFor({ state: 'detached' });
        const violations = await axeViolations(library);
        if (violations.length) found[section] = violations;
      }
      // The demo data is there to be checked: rows, the journal, the actions, the trends.
      await library.goto(extensionUrl(ext, 'library.html#resources'));
      await expect.poll(() => library.locator('.res-row').count()).toBeGreaterThan(5);
      const popup = await openPopup(ext, await openTab(ext, 'chrome://version/'));
      await popup.locator('.recent li').first().waitFor();
      const inPopup = await axeViolations(popup);
      if (inPopup.length) found.popup = inPopup;
      expect(found).toEqual({});
    },
  );

  it('the popup opens with focus on Save this page when no prompt is due, and works by keyboard', async () => {
    ext = await launch();
    await serve(ext.context, ARTICLE, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(ARTICLE);
    const popup = await openPopup(ext, await tabIdFor(ext, ARTICLE));
    await popup.locator('#capture-title').filter({ hasText: 'Minecraft' }).waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Save this page');
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  });
});

describe('Swedish', () => {
  it('with the browser in Swedish the popup and the library speak Swedish', async () => {
    ext = await launch({ lang: 'sv' });
    await serve(ext.context, ARTICLE, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(ARTICLE);
    const popup = await openPopup(ext, await tabIdFor(ext, ARTICLE));
    await popup.getByRole('button', { name: 'Spara den här sidan' }).click();
    await popup.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
    await popup.getByRole('checkbox', { name: 'Delad med teamet' }).waitFor();
    expect(await popup.getByRole('link', { name: 'Öppna biblioteket' }).count()).toBe(1);

    const library = await ext.context.newPage();
    await library.goto(extensionUrl(ext, 'library.html#settings'));
    await library.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).waitFor();
    expect(await library.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('the language setting overrides the browser language in the pages', async () => {
    ext = await launch({ lang: 'en-GB' });
    const library = await ext.context.newPage();
    await library.goto(extensionUrl(ext, 'library.html#settings'));
    await library.getByLabel('Language', { exact: true }).selectOption('sv');
    await library.getByRole('navigation').getByRole('link', { name: 'Resurser' }).waitFor();
    const popup = await ext.context.newPage();
    await popup.goto(extensionUrl(ext, 'popup.html?tab=0'));
    await popup.getByRole('button', { name: 'Logga lärande' }).waitFor();
  });
});
