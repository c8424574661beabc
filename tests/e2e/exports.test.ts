import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sampleRecords } from '../unit/backup/sample-data';
import { extensionUrl, launch, type Launched } from './harness';

let ext: Launched;
beforeEach(async () => {
  ext = await launch();
});
afterEach(async () => {
  await ext?.close();
});

describe('taking the library elsewhere, in Chromium', () => {
  it('the Markdown zip and the quotes CSV download from Settings and open as their tools read them', async () => {
    const page = await ext.context.newPage();
    // The popup makes the database on first use; the library page then finds its stores.
    const popup = await ext.context.newPage();
    await popup.goto(extensionUrl(ext, 'popup.html?tab=0'));
    await page.goto(extensionUrl(ext, 'library.html#settings'));
    await expect
      .poll(() =>
        page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'learning-loop')?.version ?? 0),
      )
      .toBeGreaterThanOrEqual(2);
    await popup.close();
    const records = sampleRecords(8, 4);
    records.resources[0] = {
      ...records.resources[0]!,
      title: 'Flow: the "state" of work',
      quotes: [
        {
          id: 'q',
          exact: 'A passage, "quoted"',
          note: 'mine',
          createdAt: Date.UTC(2025, 0, 2),
          location: { page: '9' },
        },
      ],
    };
    await page.evaluate(
      (resources) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('learning-loop');
          open.onsuccess = () => {
            const tx = open.result.transaction('resources', 'readwrite');
            for (const record of resources) tx.objectStore('resources').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      records.resources,
    );

    const zipDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Markdown (Obsidian, Logseq)' }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toMatch(/^learning-loop-markdown-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipPath = join(tmpdir(), `ll-e2e-${Date.now()}.zip`);
    await zip.saveAs(zipPath);
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const titles = Object.keys(entries)
      .filter((name) => !name.startsWith('Journal/'))
      .map((name) => {
        const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(strFromU8(entries[name]!))![1]!;
        return (parseYaml(frontmatter) as { title: string }).title;
      });
    expect(titles.sort()).toEqual(records.resources.map((r) => r.title).sort());
    await page.getByText(/^Saved learning-loop-markdown-.*\(files: \d+\)\.$/).waitFor();

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Quotes as CSV (Readwise format)' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^learning-loop-quotes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(tmpdir(), `ll-e2e-${Date.now()}.csv`);
    await csv.saveAs(csvPath);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csvPath, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.data).toContainEqual(
      expect.objectContaining({
        Highlight: 'A passage, "quoted"',
        'Book Title': 'Flow: the "state" of work',
        Location: '9',
      }),
    );
  });
});
