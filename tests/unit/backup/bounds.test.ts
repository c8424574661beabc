import { describe, expect, it } from 'vitest';
import { bookmarkParts, htmlNestingDepth, MAX_HTML_DEPTH, parseBookmarksHtml } from '../../../lib/backup/bookmarks';
import { parseCsvLinks, parseCsvLinksAsync } from '../../../lib/backup/csv';
import { ImportError } from '../../../lib/backup/errors';
import { importText } from '../../../lib/backup/import';
import { formatClipTime, formatClock } from '../../../lib/infra/video-time';
import { applyPatch } from '../../../lib/model/resource-patch';
import type { Resource } from '../../../lib/model/resource';
import { checkRemoteDoc } from '../../../lib/sync/records';
import { backupText, readAll, sampleRecords } from './helpers';

const NOW = Date.UTC(2026, 11, 7);

/** A Netscape bookmark file with one link inside `levels` nested folders. */
function nestedBookmarks(levels: number): string {
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n',
    '<DT><H3>folder</H3>\n<DL><p>\n'.repeat(levels - 1),
    '<DT><A HREF="https://deep.example/page">Deep</A>\n',
    '</DL><p>\n'.repeat(levels),
  ].join('');
}

function thrown(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected a refusal');
}

describe('a bookmark file nested too deep is refused before the HTML parser sees it', () => {
  it('20,000 folders deep: refused, and the message names the limit', () => {
    const error = thrown(() => parseBookmarksHtml(nestedBookmarks(20_000), NOW));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain(`more than ${MAX_HTML_DEPTH} levels deep`);
    expect(error.message).toMatch(/Nothing was imported\.$/);
  });

  it('through the import: refused, nothing written', async () => {
    const before = (await readAll()).resources.length;
    const error = await importText(nestedBookmarks(20_000), 'bookmarks.html', { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('too-deep');
    expect((await readAll()).resources).toHaveLength(before);
  });

  it(`${MAX_HTML_DEPTH} folders deep is still read, its folders as tags`, () => {
    const { entries } = parseBookmarksHtml(nestedBookmarks(MAX_HTML_DEPTH), NOW);
    expect(entries.map((entry) => entry.url)).toEqual(['https://deep.example/page']);
    expect(() => parseBookmarksHtml(nestedBookmarks(MAX_HTML_DEPTH + 1), NOW)).toThrow(/more than 100 levels/);
  });

  it('counts what nests, not what a flat file repeats', () => {
    const flat = `<DL><p>${'<DT><A HREF="https://a.example/">a</A>\n<DD>about it\n'.repeat(5_000)}</DL>`;
    expect(htmlNestingDepth(flat)).toBe(1);
    expect(htmlNestingDepth(`<ul>${'<li><a href="https://a.example/">a</a>'.repeat(100)}</ul>`)).toBe(1);
    expect(htmlNestingDepth(`${'<div>'.repeat(500)}`)).toBe(MAX_HTML_DEPTH + 1);
    expect(htmlNestingDepth(`${'<b>'.repeat(500)}`)).toBe(MAX_HTML_DEPTH + 1);
    // Tags inside comments and script text are text.
    expect(htmlNestingDepth(`<!-- ${'<div>'.repeat(500)} --><script>${'<div>'.repeat(500)}</script><dl></dl>`)).toBe(1);
  });
});

describe('a large bookmark file is parsed in pieces, each with the folders it lies in', () => {
  it('every link keeps its folders, description and place, across the pieces', () => {
    const link = (i: number) =>
      `<DT><A HREF="https://site.example/${i}" ADD_DATE="1700000000">Link ${i}</A>\n<DD>About ${i} &amp; more\n`;
    const folder = (name: string, from: number, to: number, inner = '') =>
      `<DT><H3 ADD_DATE="1">${name}</H3>\n<DL><p>\n${Array.from({ length: to - from }, (_, k) => link(from + k)).join('')}${inner}</DL><p>\n`;
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>\n<DL><p>\n${folder(
      'Work &amp; play',
      0,
      3_000,
      folder('Deeper', 3_000, 6_000),
    )}</DL><p>\n${folder('Later', 6_000, 9_000)}</DL>`;
    const expectFolders = (entries: { url: string; tags: string[]; description?: string }[]) => {
      expect(entries).toHaveLength(9_000);
      entries.forEach((entry, i) => {
        expect(entry).toMatchObject({ url: `https://site.example/${i}`, description: `About ${i} & more` });
        expect(entry.tags).toEqual(i < 3_000 ? ['Work & play'] : i < 6_000 ? ['Work & play', 'Deeper'] : ['Later']);
      });
    };
    expect(bookmarkParts(html).length).toBeGreaterThan(1);
    const { entries } = parseBookmarksHtml(html, NOW);
    expect(entries.map((entry) => entry.position)).toEqual(entries.map((_, i) => i + 1));
    expectFolders(entries);
    // Cut much finer, every piece read alone: the same links in the same folders.
    const pieces = bookmarkParts(html, 20_000);
    expect(pieces.length).toBeGreaterThan(30);
    expectFolders(pieces.flatMap((piece) => parseBookmarksHtml(piece, NOW).entries));
  });
});

describe('a large CSV is parsed in parts', () => {
  it('the same links as at once, cells with commas and line breaks across the parts', async () => {
    const rows = Array.from(
      { length: 15_000 },
      (_, i) => `"Title ${i}, with a comma\nand a line",https://csv.example/${i},1700000000,a|b${i % 7},unread`,
    );
    const text = `title,url,time_added,tags,status\n${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const parted = await parseCsvLinksAsync(text, NOW);
    expect(parted).toEqual(parseCsvLinks(text, NOW));
    expect(parted.entries).toHaveLength(15_000);
    expect(parted.entries[14_999]).toMatchObject({
      url: 'https://csv.example/14999',
      title: 'Title 14999, with a comma\nand a line',
    });
  });
});

/** A backup with one resource whose fields are replaced. */
function backupWith(patch: Partial<Resource>): string {
  const records = sampleRecords(1);
  records.resources[0] = { ...records.resources[0]!, ...patch };
  return backupText(records);
}

describe('tags from outside are normalised like typed ones', () => {
  const TAGS = [' ', '\u200B', '\uFEFF', '\u0301', 'e\u0301', '\u00E9', 'Ok'];

  it('a backup file: no blank or invisible tag is stored, and "e\u0301" and "é" are one tag', async () => {
    await importText(backupWith({ tags: TAGS }), 'backup.json');
    expect((await readAll()).resources[0]!.tags).toEqual(['\u00E9', 'ok']);
  });

  it('a CSV file: the same', async () => {
    await importText(`url,tags\nhttps://a.example/x,${TAGS.join('|')}\n`, 'links.csv', { now: NOW });
    expect((await readAll()).resources[0]!.tags).toEqual(['\u00E9', 'ok']);
  });

  it('a synced document: the same', () => {
    const record = { ...sampleRecords(1).resources[0]!, tags: TAGS };
    const checked = checkRemoteDoc({ _id: `resources/${record.id}`, store: 'resources', record });
    expect(checked.ok && (checked.record as Resource).tags).toEqual(['\u00E9', 'ok']);
  });
});

describe('a clip’s time lies inside the video on every path', () => {
  const clip = (atSec: number, endSec?: number) => ({
    id: 'c',
    atSec,
    ...(endSec === undefined ? {} : { endSec }),
    note: 'kept whatever the time',
    createdAt: NOW,
  });
  const video = (durationSec?: number): Partial<Resource> => ({
    kind: 'video',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ...(durationSec === undefined ? {} : { durationSec }),
  });

  it('an import: past the end moves to the end, past 24 h when the length is unknown; the note stays', async () => {
    const records = sampleRecords(2);
    const [a, b] = records.resources as [Resource, Resource];
    const { durationSec: _d, ...unknownLength } = { ...a, ...video() };
    records.resources[0] = { ...unknownLength, clips: [clip(1e12, 1e13)], positionSec: 1e15 } as Resource;
    records.resources[1] = {
      ...b,
      ...video(600),
      canonicalUrl: 'https://www.youtube.com/watch?v=other',
      clips: [clip(900), clip(500, 4000)],
    };
    await importText(backupText(records), 'backup.json');
    const stored = new Map((await readAll()).resources.map((r) => [r.id, r]));
    expect(stored.get(a.id)!.clips).toEqual([clip(86_400)]);
    expect(stored.get(a.id)!.positionSec).toBe(86_400);
    expect(stored.get(b.id)!.clips).toEqual([clip(600), clip(500, 600)]);
  });

  it('a synced document: the same', () => {
    const record = { ...sampleRecords(1).resources[0]!, ...video(600), clips: [clip(7_000)] };
    const checked = checkRemoteDoc({ _id: `resources/${record.id}`, store: 'resources', record });
    expect(checked.ok && (checked.record as Resource).clips).toEqual([clip(600)]);
  });

  it('an edit: the same', () => {
    const resource = { ...sampleRecords(1).resources[0]!, ...video(600) } as Resource;
    const next = applyPatch(resource, { clips: [clip(7_000)], resumeAt: 9_000 }, NOW);
    expect(next.clips).toEqual([clip(600)]);
    expect(next.positionSec).toBe(600);
    const { durationSec: _d, ...unknown } = resource;
    expect(applyPatch(unknown as Resource, { clips: [clip(Number.MAX_VALUE)] }, NOW).clips).toEqual([clip(86_400)]);
  });

  it('a time shown is never nonsense', () => {
    expect(formatClock(1e300)).toBe('9999:59:59');
    expect(formatClock(Number.POSITIVE_INFINITY)).toBe('9999:59:59');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClipTime({ atSec: 3723, endSec: 1e20 })).toBe('1:02:03–9999:59:59');
  });
});
