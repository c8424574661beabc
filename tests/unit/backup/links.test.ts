import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseBookmarksHtml } from '../../../lib/backup/bookmarks';
import { parseCsvLinks } from '../../../lib/backup/csv';
import { ImportError } from '../../../lib/backup/errors';
import { importText, prepareImport } from '../../../lib/backup/import';
import { checkUrl, epochMs } from '../../../lib/backup/links';
import { parseUrlList } from '../../../lib/backup/url-list';
import { getDb } from '../../../lib/db/open';
import { saveResource, updateResource } from '../../../lib/db/resources';
import { readAll } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');
const NOW = Date.UTC(2025, 5, 1);

describe('Pocket CSV export', () => {
  it('reads title, url, time_added, tags (|) and status (unread/archive), with quotes, commas and line breaks in cells', () => {
    const { source, entries } = parseCsvLinks(fixture('pocket.csv'), NOW);
    expect(source).toBe('pocket');
    expect(entries).toHaveLength(12);
    expect(entries[0]).toEqual({
      position: 1,
      url: 'https://www.example.com/fifth-discipline?utm_source=pocket_saves',
      title: 'The Fifth Discipline, revisited',
      tags: ['leadership', 'systems thinking'],
      addedAt: 1651234567000,
      status: 'queued',
    });
    expect(entries[1]).toMatchObject({ status: 'learned', tags: ['leadership', 'classic'] });
    expect(entries[2]!.title).toBe('Teaching a colleague what you learned: "transfer" in practice');
    expect(entries[10]!.title).toBe('Multi-line\ntitle from Pocket');
  });

  it('imports in one step: added, skipped with reasons, duplicates pooled, YouTube links as videos', async () => {
    const result = await importText(fixture('pocket.csv'), 'part_000000.csv', { now: NOW });
    expect(result).toMatchObject({ source: 'pocket', added: 8, updated: 0, skipped: 4 });
    expect(result.skippedEntries.map((e) => [e.position, e.reason])).toEqual([
      [6, 'bookmarklet'],
      [7, 'duplicate'],
      [10, 'not-web'],
      [12, 'local-file'],
    ]);
    expect(result.skippedEntries[1]!.firstAt).toBe(1);

    const byUrl = new Map((await readAll()).resources.map((r) => [r.canonicalUrl, r]));
    expect(byUrl.get('https://www.example.com/fifth-discipline')).toMatchObject({
      title: 'The Fifth Discipline, revisited',
      tags: ['leadership', 'systems thinking', 'reading'],
      status: 'queued',
      createdAt: 1651234567000,
      notes: '',
    });
    expect(byUrl.get('https://hbr.org/1993/07/building-a-learning-organization')!.status).toBe('learned');
    expect(byUrl.get('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toMatchObject({
      kind: 'video',
      videoId: 'dQw4w9WgXcQ',
      site: 'YouTube',
      title: 'youtube.com/watch',
    });
    expect(byUrl.get('https://example.org/ar/organisational-learning')!.title).toBe('مقدمة في التعلم التنظيمي');
    expect(byUrl.get('https://example.net/multi-line')!.title).toBe('Multi-line title from Pocket');
  });

  it('a link already saved keeps its notes and status and gains the tags; a second import adds nothing', async () => {
    const { resource } = await saveResource(
      {
        url: 'https://hbr.org/1993/07/building-a-learning-organization',
        canonicalUrl: 'https://hbr.org/1993/07/building-a-learning-organization',
        kind: 'article',
        title: 'Mine',
      },
      { notes: 'precious', tags: ['own'] },
      1000,
    );
    await updateResource(resource.id, { status: 'learning' }, 2000);
    const first = await importText(fixture('pocket.csv'), 'pocket.csv', { now: NOW });
    expect(first).toMatchObject({ added: 7, updated: 1 });
    const kept = (await readAll()).resources.find((r) => r.id === resource.id)!;
    expect(kept).toMatchObject({
      title: 'Mine',
      notes: 'precious',
      status: 'learning',
      tags: ['own', 'leadership', 'classic'],
    });

    const again = await importText(fixture('pocket.csv'), 'pocket.csv', { now: NOW + 1 });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 12 });
    expect(again.reasons[0]).toEqual({ reason: 'already-saved', count: 8 });
  });

  it('other read-later CSVs with a url column work too (Instapaper: folder Archive → learned)', () => {
    const csv =
      'URL,Title,Selection,Folder,Timestamp\nhttps://a.example/1,One,,Unread,1700000000\nhttps://a.example/2,Two,,Archive,1700000001\nhttps://a.example/3,Three,,Work,1700000002\n';
    const { source, entries } = parseCsvLinks(csv, NOW);
    expect(source).toBe('csv');
    expect(entries.map((e) => [e.title, e.status, e.tags])).toEqual([
      ['One', 'queued', []],
      ['Two', 'learned', []],
      ['Three', 'queued', ['Work']],
    ]);
  });

  it('a CSV without a url column is refused with a reason', () => {
    expect(() => prepareImport('name,age\nAnna,40\n', 'people.csv')).toThrow(ImportError);
    expect(() => prepareImport('name,age\nAnna,40\n', 'people.csv')).toThrow(/no “url” column/);
  });
});

describe('bookmark HTML (Netscape format)', () => {
  it('folders become tags (not the browser’s own roots), TAGS too; titles are text', () => {
    const { entries } = parseBookmarksHtml(fixture('bookmarks-chrome.html'), NOW);
    expect(entries).toHaveLength(14);
    const byTitle = new Map(entries.map((e) => [e.title, e]));
    expect(byTitle.get('Never Gonna Give You Up (Official Video)')!.tags).toEqual([]);
    expect(byTitle.get('Continuous Integration')!.tags).toEqual(['Work']);
    expect(byTitle.get('Retrospective Wiki')!.tags).toEqual(['Work', 'Retrospectives']);
    expect(byTitle.get('Building a Learning Organization')).toMatchObject({
      tags: ['Reading & Learning', 'leadership', 'classic'],
      addedAt: 1700000310000,
      description: "Garvin's classic on what makes an organisation learn.",
    });
    expect(byTitle.get('مرحبا بالعالم <script>alert(1)</script>')).toBeDefined();
  });

  it('imports the savable links and lists the rest', async () => {
    const result = await importText(fixture('bookmarks-chrome.html'), 'bookmarks_6_1_25.html', { now: NOW });
    expect(result).toMatchObject({ source: 'bookmarks', added: 8, updated: 0, skipped: 6 });
    expect(result.skippedEntries.map((e) => e.reason)).toEqual([
      'bookmarklet',
      'local-file',
      'duplicate',
      'data-url',
      'broken',
      'not-web',
    ]);
    const resources = (await readAll()).resources;
    expect(resources.find((r) => r.url === 'https://www.ted.com/talks/some_talk')!.title).toBe(
      'ted.com/talks/some_talk',
    );
    expect(
      resources.find((r) => r.canonicalUrl === 'https://martinfowler.com/articles/continuousIntegration.html')!.tags,
    ).toEqual(['work']);
  });

  it('never runs or loads anything from the file (parsed into an inert document)', () => {
    const spy = vi.fn();
    (globalThis as Record<string, unknown>).__bookmarkPwned = spy;
    parseBookmarksHtml(
      '<script>globalThis.__bookmarkPwned()</script><img src=x onerror="globalThis.__bookmarkPwned()"><DL><DT><A HREF="https://a.example/">a</A></DL>',
      NOW,
    );
    expect(spy).not.toHaveBeenCalled();
    expect(document.querySelector('img[src=x]')).toBeNull();
  });
});

describe('a plain list of links', () => {
  it('one link a line, optional title after it; comments and blank lines ignored', async () => {
    const { entries } = parseUrlList(fixture('urls.txt'));
    expect(entries.map((e) => [e.position, e.url, e.title])).toEqual([
      [2, 'https://martinfowler.com/articles/continuousIntegration.html', undefined],
      [3, 'https://www.youtube.com/watch?v=9bZkp7q19f0&t=30s', 'Gangnam Style (a talk, honestly)'],
      [5, 'https://blog.example.org/psychological-safety', undefined],
      [6, 'not', 'a link at all'],
      [7, 'mailto:someone@example.com', undefined],
      [8, 'https://martinfowler.com/articles/continuousIntegration.html#Summary', undefined],
    ]);
    const result = await importText(fixture('urls.txt'), 'links.txt', { now: NOW });
    expect(result).toMatchObject({ source: 'urls', added: 3, skipped: 3 });
    expect(result.skippedEntries.map((e) => e.reason)).toEqual(['broken', 'not-web', 'duplicate']);
    expect((await readAll()).resources.find((r) => r.videoId === '9bZkp7q19f0')).toMatchObject({
      kind: 'video',
      title: 'Gangnam Style (a talk, honestly)',
    });
  });

  it('a zip (Pocket’s download) says to unzip it first', () => {
    expect(() => prepareImport('PK\u0003\u0004\u0014\u0000binary', 'pocket.zip')).toThrow(/Unzip it first/);
    expect(() => prepareImport('PK\u0003\u0004\u0014\u0000binary', 'download')).toThrow(ImportError);
  });

  it('a file that is no list of links at all is refused', () => {
    expect(() => prepareImport('\u0089PNG\r\n\u001a\n binary junk', 'photo.png')).toThrow(
      /cannot read this kind of file/,
    );
    expect(() => prepareImport('\n\n# only comments\n', 'links.txt')).toThrow(/No links were found/);
  });
});

describe('checkUrl', () => {
  it.each([
    ['https://example.com/a', true, undefined],
    ['HTTP://EXAMPLE.COM', true, undefined],
    ['javascript:void(0)', false, 'bookmarklet'],
    ['JavaScript:alert(1)', false, 'bookmarklet'],
    ['file:///C:/x.html', false, 'local-file'],
    ['data:text/html,hi', false, 'data-url'],
    ['chrome://settings', false, 'not-web'],
    ['place:sort=8', false, 'not-web'],
    ['about:blank', false, 'not-web'],
    ['http://exa mple.com/', false, 'broken'],
    ['www.example.com', false, 'broken'],
    ['', false, 'missing-url'],
    [`https://example.com/${'a'.repeat(3000)}`, false, 'too-long'],
  ])('%s', (url, ok, reason) => {
    const check = checkUrl(url);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toBe(reason);
  });
});

describe('epochMs', () => {
  it('reads seconds, milliseconds, microseconds and ISO dates; refuses the implausible', () => {
    expect(epochMs('1651234567', NOW)).toBe(1651234567000);
    expect(epochMs(1651234567123, NOW)).toBe(1651234567123);
    expect(epochMs('1651234567123456', NOW)).toBe(1651234567123);
    expect(epochMs('2023-04-01T10:00:00Z', NOW)).toBe(Date.UTC(2023, 3, 1, 10));
    expect(epochMs('0', NOW)).toBeUndefined();
    expect(epochMs('soon', NOW)).toBeUndefined();
    expect(epochMs(String(NOW / 1000 + 10 * 86_400), NOW)).toBeUndefined();
  });
});

describe('one transaction', () => {
  it('links are written in a single readwrite transaction', async () => {
    await getDb();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await importText(fixture('pocket.csv'), 'pocket.csv');
    expect(spy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(1);
  });
});
