import { afterEach, describe, expect, it } from 'vitest';
import { articleFixture, launch, openPopup, readStore, serve, tabIdFor, type Launched } from './harness';
import { ARS, openLibrary, selectText, type StoredResource } from './library-helpers';

// Keeping quotes from an article: select, open the popup, Save as quote; back at each one later.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

interface StoredQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
  fragment?: string;
  note: string;
}
type WithQuotes = StoredResource & { quotes?: StoredQuote[] };

const FIXES = 'These were the fixes that I recommended to Mojang 2 years ago.';
const ZLIB = 'zlib shrinks down our evil data to a mere 39 kilobytes.';
const FLAW_START = 'A flaw in the wildly popular online game';
const FLAW_END = 'blog post published Thursday';

describe('quotes from an article', () => {
  it('three quotes kept from the popup, found by a word, opened back at the place, in the digest', async () => {
    ext = await launch();
    await serve(ext.context, ARS, articleFixture('ars-1'));
    const tab = await ext.context.newPage();
    await tab.goto(ARS);
    const tabId = await tabIdFor(ext, ARS);

    const keep = async (start: string, end: string, note: string, count: number) => {
      await selectText(tab, start, end);
      const popup = await openPopup(ext!, tabId);
      const box = popup.locator('.quote-box');
      await box.waitFor();
      expect(await box.locator('blockquote').textContent()).toContain(start);
      // Save as quote is the first thing to press (it has focus), beside Save this page.
      await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Save as quote');
      if (note) await popup.getByLabel('Note on this quote (optional)').fill(note);
      await popup.getByRole('button', { name: 'Save as quote' }).click();
      await popup
        .getByRole('status')
        .filter({ hasText: `Quote saved. ${count} from this page so far.` })
        .waitFor();
      await popup.close();
    };
    await keep(FIXES, FIXES, 'Limits on recursion, always', 1);
    await keep(ZLIB, ZLIB, '', 2);
    await keep(FLAW_START, FLAW_END, 'Proof of concept was public', 3);

    const library = await openLibrary(ext);
    const [saved] = await readStore<WithQuotes>(library, 'resources');
    expect(saved?.title).toMatch(/Minecraft/);
    expect(saved?.quotes?.map((q) => [q.exact, q.note])).toEqual([
      [FIXES, 'Limits on recursion, always'],
      [ZLIB, ''],
      [
        // Across two paragraphs: a space where one ends, none lost.
        expect.stringMatching(
          /^A flaw in the wildly popular .* exploits the vulnerability\. "I thought .* published Thursday$/,
        ),
        'Proof of concept was public',
      ],
    ]);
    // Each knows its place: the text on either side, and the directive the browser follows back.
    const [fixes, zlib, flaw] = saved!.quotes!;
    expect(fixes!.prefix).toMatch(/some form of recursion and size limits should be implemented\. $/);
    expect(fixes!.suffix).toMatch(/^ Ars is asking Mojang/);
    expect(zlib!.prefix).toMatch(/lucky us! $/);
    for (const quote of [fixes, zlib, flaw]) expect(quote!.fragment).toMatch(/^text=/);
    // A long quote, across blocks, is matched by its start and its end.
    expect(flaw!.fragment).toMatch(/^text=(?:[^,]+-,)?[^,]+,[^,-][^,]*(?:,-[^,]+)?$/);

    // A word inside a quote finds the article, and the row shows that quote.
    await library.getByRole('searchbox').fill('kilobytes');
    await expect.poll(() => library.locator('.res-row').count()).toBe(1);
    expect(await library.locator('.res-row .res-snippet').textContent()).toContain(ZLIB);

    // On its page: every quote, each with a link that opens the article at it.
    await library.locator('.res-row .res-title').click();
    const quotes = library.getByRole('region', { name: /^Quotes/ });
    await quotes.locator('.res-quote').nth(2).waitFor();
    const open = quotes.locator('.res-quote').nth(0).getByRole('link', { name: 'Open at this quote' });
    const href = await open.getAttribute('href');
    expect(href).toBe(`${ARS}#:~:${fixes!.fragment}`);
    const [article] = await Promise.all([ext.context.waitForEvent('page'), open.click()]);
    // The browser strips the directive from the document's address; what shows is the quote, scrolled to.
    await expect
      .poll(
        () =>
          article.evaluate((text) => {
            const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text));
            const box = paragraph?.getBoundingClientRect();
            return Boolean(box && scrollY > 0 && box.top >= 0 && box.bottom <= innerHeight);
          }, FIXES),
        { timeout: 10_000 },
      )
      .toBe(true);
    await article.close();

    // Make it a takeaway: the quote becomes a takeaway of its own.
    await quotes.locator('.res-quote').nth(1).getByRole('button', { name: 'Make it a takeaway' }).click();
    await expect.poll(() => library.getByRole('textbox', { name: 'Takeaway 1' }).inputValue()).toBe(`“${ZLIB}”`);
    await expect
      .poll(
        async () =>
          (await readStore<WithQuotes & { takeaways: { text: string }[] }>(library, 'resources'))[0]?.takeaways[0]
            ?.text,
      )
      .toBe(`“${ZLIB}”`);

    // Learned, then in the team digest: the quotes travel with the link.
    await library.getByRole('radio', { name: 'Learned' }).check();
    await expect.poll(async () => (await readStore<WithQuotes>(library, 'resources'))[0]?.status).toBe('learned');
    await library.goto(library.url().replace(/#.*$/, '#team'));
    const preview = library.getByRole('region', { name: 'Team digest' }).getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toContain('**Quotes**');
    const digest = (await preview.textContent()) ?? '';
    expect(digest).toContain(
      `> ${FIXES}\n>\n> — Limits on recursion, always · [open at the quote](${ARS}#:~:${fixes!.fragment})`,
    );
    expect(digest).toContain(`> ${ZLIB}`);
  });

  it('text selected in a form field is not offered as a quote; the page can still be saved', async () => {
    ext = await launch();
    const url = 'https://blog.example.org/form';
    await serve(ext.context, url, '<title>Feedback</title><p>Tell us.</p><textarea>my own draft words</textarea>');
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await tab.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.focus();
      area.setSelectionRange(0, 6);
    });
    const popup = await openPopup(ext, await tabIdFor(ext, url));
    await popup.getByText("Text selected in a form field can't be kept as a quote").waitFor();
    expect(await popup.getByRole('button', { name: 'Save as quote' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await readStore<WithQuotes>(popup, 'resources'))[0]?.quotes).toBeUndefined();
  });
});
