import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFixture, currentWorker, extensionUrl, launch, readStore, type Launched } from './harness';
import { ARS, openLibrary, saveThroughPopup, type StoredResource } from './library-helpers';

// A full disk: what was typed is kept and saved once there is room, and when the browser then
// deletes its damaged database, the library comes back from the automatic snapshot. The disk is
// filled by making this page's IndexedDB writes fail as Chromium's do (a loop device or tmpfs for
// the profile needs mount rights a container may lack); the deletion is the real one, of the
// database's folder in the profile, between two launches.

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const notesOf = async (page: Page) => (await readStore<StoredResource>(page, 'resources'))[0]?.notes;

/** The snapshots' manifest, read from the origin private file system as the extension keeps it. */
function snapshotsIn(page: Page): Promise<{ at: number; counts: Record<string, number> }[]> {
  return page.evaluate(async () => {
    try {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots');
      const file = await (await folder.getFileHandle('manifest.json')).getFile();
      return (JSON.parse(await file.text()) as { snapshots: { at: number; counts: Record<string, number> }[] })
        .snapshots;
    } catch {
      return [];
    }
  });
}

/** The alarm the change set fires now rather than in three minutes. */
async function takeScheduledSnapshot(launched: Launched, page: Page, before: number): Promise<void> {
  const worker = await currentWorker(launched);
  await expect
    .poll(() => worker.evaluate(async () => Boolean(await chrome.alarms.get('snapshot'))), { timeout: 10_000 })
    .toBe(true);
  await worker.evaluate(() => chrome.alarms.create('snapshot', { when: Date.now() }));
  await expect.poll(async () => (await snapshotsIn(page)).length, { timeout: 15_000 }).toBeGreaterThan(before);
}

describe('a full disk', () => {
  it('keeps what was typed and saves it when there is room; a deleted database comes back from the snapshot', async () => {
    ext = await launch();
    const popup = await saveThroughPopup(ext, ARS, articleFixture('ars-1'));
    const [saved] = await readStore<StoredResource>(popup, 'resources');
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, `library.html#resource/${encodeURIComponent(saved!.id)}`));
    const notes = page.getByLabel('Notes', { exact: true });
    await notes.pressSequentially('Before the disk filled.');
    await expect.poll(() => notesOf(page)).toBe('Before the disk filled.');

    // The disk fills: every write of this page fails with the browser's QuotaExceededError.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      Object.assign(window, { diskFreed: () => Object.assign(IDBObjectStore.prototype, { put }) });
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
    });
    await notes.pressSequentially(' Typed on a full disk.');
    await page
      .getByRole('alert')
      .filter({
        hasText:
          "Your disk is full. What you typed is kept here and saves when there is space; don't close the browser until it says saved.",
      })
      .waitFor();
    expect(await notes.inputValue()).toBe('Before the disk filled. Typed on a full disk.');
    expect(await notesOf(page)).toBe('Before the disk filled.');

    // Room again: it saves by itself, with no keystroke.
    await page.evaluate(() => (window as unknown as { diskFreed: () => void }).diskFreed());
    await page
      .locator('.res-save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => notesOf(page)).toBe('Before the disk filled. Typed on a full disk.');

    // The automatic snapshot, a few minutes after the change (here: now).
    await takeScheduledSnapshot(ext, page, 0);
    const [snapshot] = await snapshotsIn(page);
    expect(snapshot!.counts.resources).toBe(1);

    // The browser finds the database damaged and deletes it, as Chromium does after a full disk.
    const { userDataDir, extensionId } = ext;
    await ext.close(true);
    const database = join(userDataDir, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
    expect(existsSync(database), database).toBe(true);
    rmSync(database, { recursive: true, force: true });
    rmSync(database.replace(/leveldb$/, 'blob'), { recursive: true, force: true });

    ext = await launch({ userDataDir });
    const library = await openLibrary(ext);
    await library.getByText('Your library is empty').first().waitFor();
    const offer = library.getByRole('region', { name: 'Restore your library?' });
    await offer.getByText(/^The browser started a new, empty database for Learning Loop/).waitFor();
    expect(await offer.textContent()).toContain('Resources 1');
    if (process.env.SNAPSHOT_SHOTS)
      await library.screenshot({ path: `${process.env.SNAPSHOT_SHOTS}/restore-offer.png` });
    await offer.getByRole('button', { name: /^Restore from the automatic snapshot of / }).click();
    await library
      .getByRole('status')
      .filter({ hasText: /^Restored from the automatic snapshot of / })
      .waitFor();
    await expect.poll(() => library.locator('.res-row .res-title').allTextContents()).toEqual([saved!.title]);
    expect(await notesOf(library)).toBe('Before the disk filled. Typed on a full disk.');

    // Settings → Backup lists the snapshot with what it holds; it exports as a backup file.
    await library.goto(extensionUrl(ext, 'library.html#settings'));
    const snapshots = library.locator('.snapshots[data-ready]');
    await snapshots.waitFor();
    expect(await snapshots.locator('.snapshot-item').allInnerTexts()).toEqual([
      expect.stringMatching(/Automatic\s+Resources 1 · \d+ bytes/),
    ]);
    if (process.env.SNAPSHOT_SHOTS) await snapshots.screenshot({ path: `${process.env.SNAPSHOT_SHOTS}/snapshots.png` });
    const download = library.waitForEvent('download');
    await snapshots.getByRole('button', { name: /^Export the snapshot of / }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^learning-loop-snapshot-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; resources: unknown[] };
    expect(exported.format).toBe('learning-loop');
    expect(exported.resources).toHaveLength(1);
    await library.goto(extensionUrl(ext, 'library.html#resources'));

    // Restored once: not offered again.
    await library.reload();
    await library.locator('.res-row').first().waitFor();
    await library.locator('.storage-notices-checked').waitFor({ state: 'attached' });
    expect(await library.getByRole('region', { name: 'Restore your library?' }).count()).toBe(0);
  });
});
