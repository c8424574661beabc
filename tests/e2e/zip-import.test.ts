import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, readStore, ROOT, type Launched } from './harness';

/**
 * tests/fixtures/import/pocket-export.zip is Pocket's export as it mails it, made small: two parts of
 * the same header (part_000000.csv: four links and a bookmarklet; part_000001.csv: three links, one
 * the first part's first link again with other tracking parameters) and macOS's `__MACOSX/` entry.
 */
const POCKET_ZIP = join(ROOT, 'tests/fixtures/import/pocket-export.zip');

let ext: Launched;
beforeEach(async () => {
  ext = await launch();
});
afterEach(async () => {
  await ext?.close();
});

async function changes(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.backup-changes tbody tr')].map((row) => [
        row.querySelector('th')!.textContent,
        [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
      ]),
    ),
  );
}

describe('a Pocket zip chosen in Settings', () => {
  it('shows one preview of both parts, then its links are in the library', async () => {
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, 'library.html#settings'));
    await page.getByRole('button', { name: 'Import', exact: true }).setInputFiles(POCKET_ZIP);
    await page.getByRole('button', { name: 'Import these links' }).waitFor();
    expect(await page.locator('.backup-preview p').first().textContent()).toBe(
      'pocket-export.zip is a Pocket export. Nothing is imported until you choose.',
    );
    await page.getByText('Read from the zip archive: part_000000.csv, part_000001.csv').waitFor();
    // Added, updated, unchanged, skipped: the bookmarklet and the repeated link.
    expect(await changes(page)).toEqual({ Links: ['6', '0', '0', '2'] });
    await page.getByRole('button', { name: 'Import these links' }).click();
    await page.locator('.backup-result').waitFor();
    expect((await readStore(page, 'resources')).length).toBe(6);

    await page.goto(extensionUrl(ext, 'library.html'));
    for (const title of [
      'Double-loop learning, explained',
      'Communities of practice',
      'Spaced repetition for grown-ups',
    ])
      await page.getByRole('link', { name: title, exact: true }).waitFor();
  });
});
