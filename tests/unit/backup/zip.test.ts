import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { inThreadHost, openImportJob } from '../../../lib/app/import-job';
import { ImportError } from '../../../lib/backup/errors';
import { MAX_IMPORT_BYTES } from '../../../lib/backup/format';
import * as messaging from '../../../lib/messaging-transport';
import { backupText, readAll, sampleRecords } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');

const POCKET_HEADER = 'title,url,time_added,tags,status';

/** A Pocket export's part: `rows` saves numbered from `from`. */
function pocketPart(from: number, rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `"Article ${from + i}, part of the export",https://example.org/a/${from + i},${1_650_000_000 + from + i},pocket|reading,unread`,
  );
  return `${POCKET_HEADER}\n${lines.join('\n')}\n`;
}

const zipOf = (files: Record<string, string | Uint8Array>): Uint8Array =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content]),
    ) as Zippable,
  );

const asFile = (bytes: Uint8Array, name: string) =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' });

/** The import as the settings page opens it: the worker's host, here in this thread. */
const open = (bytes: Uint8Array, name = 'pocket.zip') => openImportJob(asFile(bytes, name), undefined, inThreadHost);

async function refusal(bytes: Uint8Array, name = 'export.zip'): Promise<ImportError> {
  const error = await open(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Offsets of a zip's local and central headers, where the sizes it declares are written. */
function headers(bytes: Uint8Array, signature: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at++) if (view.getUint32(at, true) === signature) found.push(at);
  return found;
}

/** Rewrite the uncompressed size every header of the zip declares (a lying archive). */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (const at of headers(copy, 0x04034b50)) view.setUint32(at + 22, size, true);
  for (const at of headers(copy, 0x02014b50)) view.setUint32(at + 24, size, true);
  return copy;
}

describe('a zip chosen for import (Pocket’s export, or any zip of files the import reads)', () => {
  it('Pocket’s zip of CSV parts is one preview of all their links, and imports them once', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    // Pocket mails part_000000.csv, part_000001.csv, … of the same header.
    const bytes = zipOf({
      'part_000000.csv': pocketPart(0, 40),
      'part_000001.csv': pocketPart(40, 40),
      'part_000002.csv': pocketPart(80, 7),
    });
    const job = await open(bytes);
    expect(job.summary.source).toBe('pocket');
    expect(job.summary.links).toBe(87);
    expect(job.summary.archive?.files).toEqual(['part_000000.csv', 'part_000001.csv', 'part_000002.csv']);
    expect(job.summary.archive?.skipped).toEqual([]);
    expect(job.changes.links).toEqual({ added: 87, updated: 0, unchanged: 0, skipped: 0 });
    const result = await job.run('merge');
    job.close();
    expect(result.added).toBe(87);
    const saved = (await readAll()).resources;
    expect(new Set(saved.map((resource) => resource.url)).size).toBe(87);
    expect(saved.find((resource) => resource.url === 'https://example.org/a/86')?.title).toBe(
      'Article 86, part of the export',
    );

    const again = await open(bytes);
    expect(again.changes.links).toEqual({ added: 0, updated: 0, unchanged: 87, skipped: 0 });
    expect((await again.run('merge')).added).toBe(0);
    again.close();
    expect((await readAll()).resources).toHaveLength(87);
  });

  it('a link saved in two parts is kept once, and the skipped copy names its place in the whole export', async () => {
    const bytes = zipOf({
      'part_000000.csv': pocketPart(0, 3),
      'part_000001.csv': `${POCKET_HEADER}\nAgain,https://example.org/a/1,1650000100,,unread\n`,
    });
    const job = await open(bytes);
    expect(job.changes.links).toMatchObject({ added: 3, skipped: 1 });
    const result = await job.run('merge');
    job.close();
    expect(result.skippedEntries).toEqual([expect.objectContaining({ reason: 'duplicate', position: 4, firstAt: 2 })]);
  });

  it('a zip written as a stream (each size after its data, as servers write them) opens the same', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, text] of [
      ['part_000000.csv', pocketPart(0, 30)],
      ['part_000001.csv', pocketPart(30, 5)],
    ] as const) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(strToU8(text), true);
    }
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    // The local headers say "sizes follow the data" (general purpose flag bit 3).
    expect(new DataView(bytes.buffer).getUint16(6, true) & 8).toBe(8);
    const job = await open(bytes);
    expect(job.summary.links).toBe(35);
    job.close();
  });

  it('is recognised by its bytes when its name has lost “.zip”', async () => {
    const job = await open(zipOf({ 'part_000000.csv': pocketPart(0, 2) }), 'pocket-export');
    expect(job.summary.links).toBe(2);
    job.close();
  });

  it('a zip of different files imports their links together: a CSV, a list of links and a bookmark file', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    const bytes = zipOf({
      'pocket.csv': fixture('pocket.csv'),
      'reading/urls.txt': fixture('urls.txt'),
      'bookmarks.html': fixture('bookmarks-chrome.html'),
    });
    const alone = async (name: string, text: string) => {
      const job = await openImportJob(new File([text], name), undefined, inThreadHost);
      job.close();
      return job.changes.links?.added ?? 0;
    };
    const separately =
      (await alone('pocket.csv', fixture('pocket.csv'))) +
      (await alone('urls.txt', fixture('urls.txt'))) +
      (await alone('bookmarks.html', fixture('bookmarks-chrome.html')));
    const job = await open(bytes, 'mine.zip');
    expect(job.summary.archive?.files).toEqual(['pocket.csv', 'reading/urls.txt', 'bookmarks.html']);
    const result = await job.run('merge');
    job.close();
    // At most the sum: a link in two of the files is kept once.
    expect(result.added).toBeGreaterThan(0);
    expect(result.added).toBeLessThanOrEqual(separately);
    const urls = (await readAll()).resources.map((resource) => resource.url);
    expect(urls).toEqual(expect.arrayContaining(['https://hbr.org/1993/07/building-a-learning-organization']));
    expect(urls.length).toBe(result.added);
  });

  it('a backup inside a zip is offered alone, with Merge or Replace, and the other files are named as not imported', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    const records = sampleRecords(3, 2);
    const bytes = zipOf({
      'learning-loop-backup.json': backupText(records),
      'part_000000.csv': pocketPart(0, 5),
    });
    const job = await open(bytes, 'backups.zip');
    expect(job.summary.source).toBe('learning-loop');
    expect(job.summary.records?.resources).toBe(records.resources.length);
    expect(job.changes.merge?.resources.added).toBe(records.resources.length);
    expect(job.summary.archive?.files).toEqual(['learning-loop-backup.json']);
    expect(job.summary.archive?.skipped).toEqual([
      { name: 'part_000000.csv', reason: expect.stringMatching(/backup is imported on its own/) },
    ]);
    await job.run('replace');
    job.close();
    expect((await readAll()).resources).toHaveLength(records.resources.length);
  });

  it('highlights in a zip (a Kindle’s clippings) are offered alone; beside links, they are named as not imported', async () => {
    const clippings = fixture('kindle-clippings-lf.txt');
    const alone = await open(zipOf({ 'My Clippings.txt': clippings }), 'kindle.zip');
    expect(alone.summary.source).toBe('kindle');
    expect(alone.summary.archive?.files).toEqual(['My Clippings.txt']);
    alone.close();
    const mixed = await open(zipOf({ 'part_000000.csv': pocketPart(0, 2), 'My Clippings.txt': clippings }));
    expect(mixed.summary).toMatchObject({ source: 'pocket', links: 2 });
    expect(mixed.summary.archive?.skipped).toEqual([
      { name: 'My Clippings.txt', reason: expect.stringMatching(/imported on its own/) },
    ]);
    mixed.close();
  });

  it('a file of a kind the import does not read is skipped with the reason; folders, __MACOSX and hidden files are passed over', async () => {
    const bytes = zipOf({
      'export/': new Uint8Array(0),
      'export/part_000000.csv': pocketPart(0, 4),
      'export/cover.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      '__MACOSX/export/._part_000000.csv': 'resource fork',
      'export/.DS_Store': 'finder',
    });
    const job = await open(bytes);
    expect(job.summary.links).toBe(4);
    expect(job.summary.archive).toEqual({
      files: ['export/part_000000.csv'],
      skipped: [{ name: 'export/cover.png', reason: 'not a kind of file Learning Loop imports' }],
    });
    job.close();
  });

  it('a zip with nothing to import is refused, naming each file and why', async () => {
    const error = await refusal(zipOf({ 'notes.md': '# notes', 'photo.jpg': new Uint8Array([1, 2, 3]) }));
    expect(error.message).toMatch(/Nothing in this zip archive could be imported/);
    expect(error.message).toContain('notes.md: not a kind of file Learning Loop imports');
    expect((await readAll()).resources).toEqual([]);
  });

  it('a zip holding another zip is refused, by its name or by its bytes', async () => {
    const inner = zipOf({ 'part_000000.csv': pocketPart(0, 2) });
    const byName = await refusal(zipOf({ 'part_000000.csv': pocketPart(0, 2), 'old/pocket.zip': inner }));
    expect(byName.code).toBe('zip-nested');
    expect(byName.message).toMatch(/holds another zip archive \(“old\/pocket\.zip”\)/);
    const byBytes = await refusal(zipOf({ 'part_000001.csv': inner }));
    expect(byBytes.code).toBe('zip-nested');
    expect((await readAll()).resources).toEqual([]);
  });

  it('a zip of more than 1,000 entries is refused before anything is unpacked', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 1_001 }, (_, i) => [`links-${i}.txt`, `https://example.org/${i}`]),
    );
    const error = await refusal(zipOf(files));
    expect(error.code).toBe('zip-too-many');
    expect(error.message).toBe(
      'This zip archive holds more than 1,000 entries, the most Learning Loop opens in one archive. Nothing was imported.',
    );
    expect((await readAll()).resources).toEqual([]);
  });

  it('a zip that declares more than the import’s limit unpacked is refused before anything is unpacked', async () => {
    const bytes = declareSize(zipOf({ 'part_000000.csv': pocketPart(0, 3) }), MAX_IMPORT_BYTES + 1);
    const error = await refusal(bytes);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/would unpack to 201 MB; Learning Loop imports at most 200 MB/);
  });

  it('a bomb lying about its size (declares 1 kB, inflates to 20 MB) is stopped while inflating and refused', async () => {
    const bomb = zipSync({ 'part_000000.csv': new Uint8Array(20 * 1024 * 1024).fill(0x41) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await refusal(declareSize(bomb, 1_000));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toBe(
      'The file “part_000000.csv” in this zip archive unpacks to more than the 1,000 bytes it declares, as archives built to fill the memory do, so Learning Loop stopped opening it. Nothing was imported.',
    );
    expect((await readAll()).resources).toEqual([]);
  });

  it('a damaged zip, or an empty one, is refused saying so', async () => {
    const damaged = await refusal(strToU8('PK\u0003\u0004 not really a zip'), 'pocket.zip');
    expect(damaged.code).toBe('zip-damaged');
    expect(damaged.message).toMatch(/damaged or is not a zip archive/);
    const empty = await refusal(zipSync({}));
    expect(empty.message).toBe('This zip archive holds no files. Nothing was imported.');
  });

  it('a file in the zip that is not a list of links is named with the reason, and the rest imported', async () => {
    const job = await open(
      zipOf({ 'part_000000.csv': pocketPart(0, 2), 'README.txt': 'This export was made by Pocket.' }),
    );
    expect(job.summary.links).toBe(2);
    expect(job.summary.archive?.skipped).toEqual([
      { name: 'README.txt', reason: expect.stringMatching(/^Learning Loop cannot read this kind of file\..*line\.$/) },
    ]);
    job.close();
  });

  it('a zip of one file the import refuses says that file’s own reason', async () => {
    const error = await refusal(zipOf({ 'backup.json': '{"format":"other"}' }));
    expect(error.code).toBe('wrong-format');
  });
});
