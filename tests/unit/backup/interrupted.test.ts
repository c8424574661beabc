import { beforeEach, describe, expect, it } from 'vitest';
import { importText } from '../../../lib/backup/import';
import { backupText, readAll, sampleRecords, seed, sorted } from './helpers';

const NOW = Date.UTC(2026, 11, 7);

/**
 * The browser closing in the middle of an import: the page stops while the write is under way,
 * which IndexedDB treats as an abort of the transaction that was open. Here the page's own
 * progress callback stops it after the first chunk of puts (an exception in a request's success
 * event aborts its transaction, as the page going away does).
 */
function stopWhileSaving() {
  return (progress: { phase: string; done: number; total: number }) => {
    if (progress.phase !== 'saving' || progress.done === 0) return;
    expect(progress.done).toBeLessThan(progress.total);
    throw new Error('the page went away');
  };
}

beforeEach(async () => {
  await seed(sampleRecords(5, 7));
});

describe('an import cut off half-way leaves the library as it was', () => {
  it('a file of links: none of it is stored', async () => {
    const before = sorted(await readAll());
    const csv = `url,tags\n${Array.from({ length: 2_000 }, (_, i) => `https://cut.example/${i},cut`).join('\n')}\n`;
    await expect(importText(csv, 'links.csv', { now: NOW, onProgress: stopWhileSaving() })).rejects.toThrow();
    expect(sorted(await readAll())).toEqual(before);
  });

  it('a backup merged in: none of it is stored, nothing already here changed', async () => {
    const before = sorted(await readAll());
    const file = sampleRecords(1_500, 99);
    await expect(importText(backupText(file), 'backup.json', { onProgress: stopWhileSaving() })).rejects.toThrow();
    expect(sorted(await readAll())).toEqual(before);
  });

  it('a replace: the stores it cleared are back whole', async () => {
    const before = sorted(await readAll());
    const file = sampleRecords(1_500, 99);
    await expect(
      importText(backupText(file), 'backup.json', { mode: 'replace', onProgress: stopWhileSaving() }),
    ).rejects.toThrow();
    expect(sorted(await readAll())).toEqual(before);
  });
});
