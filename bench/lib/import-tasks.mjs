/**
 * The page while it imports: the longest task (Long Tasks API) on the settings page while it reads,
 * checks and stores the largest and the deepest file it accepts of each format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { MEDIUM, ROOT } from './options.mjs';
import { settle, sleep, timedLoad } from './browser.mjs';

/** The caps as lib/backup states them, read from its source so the files here follow them. */
export function importCaps() {
  const format = readFileSync(resolve(ROOT, 'lib/backup/format.ts'), 'utf8');
  const bookmarks = readFileSync(resolve(ROOT, 'lib/backup/bookmarks.ts'), 'utf8');
  const mb = (name, text) => {
    const hit = new RegExp(`${name}\\s*[:=]\\s*([\\d_]+)\\s*\\*\\s*1024\\s*\\*\\s*1024`).exec(text);
    if (!hit) throw new Error(`no ${name} in lib/backup`);
    return Number(hit[1].replaceAll('_', ''));
  };
  const depth = /MAX_HTML_DEPTH\s*=\s*([\d_]+)/.exec(bookmarks);
  if (!depth) throw new Error('no MAX_HTML_DEPTH in lib/backup/bookmarks.ts');
  return {
    json: mb('MAX_IMPORT_BYTES', format),
    html: mb('html', format),
    csv: mb('csv', format),
    urls: mb('urls', format),
    depth: Number(depth[1].replaceAll('_', '')),
  };
}

const MB = 1024 * 1024;
/** A little under the cap: the file's size is what the check compares, in UTF-16 units or bytes. */
const underCap = (mb) => Math.floor(mb * MB * 0.98);

const WORDS = 'retrospective leadership systems thinking psykologisk trygghet café naïve learning team kaizen'.split(
  ' ',
);
const word = (i) => WORDS[i % WORDS.length];
const title = (i) => `${word(i)} ${word(i * 7 + 3)} ${word(i * 13 + 5)} — notes on practice #${i}`;
const href = (i) => `https://blog${i % 97}.example.org/${word(i)}/${i}-${word(i * 3)}?utm_source=feed&id=${i}`;

/** Links in a few flat folders, as a browser exports a large library, up to `bytes`. */
export function largestBookmarks(bytes) {
  const parts = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n',
  ];
  let size = parts[0].length;
  for (let i = 0; size < bytes - 200; i++) {
    let line = '';
    if (i % 500 === 0)
      line += `${i ? '</DL><p>\n' : ''}<DT><H3 ADD_DATE="1700000000">${word(i / 500)} ${i / 500}</H3>\n<DL><p>\n`;
    line += `<DT><A HREF="${href(i)}" ADD_DATE="${1600000000 + i}" TAGS="${word(i)},${word(i + 1)}">${title(i)}</A>\n`;
    parts.push(line);
    size += line.length;
  }
  parts.push('</DL><p>\n</DL><p>\n');
  return parts.join('');
}

/** Folders nested `depth` deep, links at every level, up to `bytes`. */
export function deepestBookmarks(bytes, depth) {
  const head = '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n';
  const open = (level) => `<DT><H3>level ${level}</H3>\n<DL><p>\n`;
  const budget = bytes - head.length - depth * (open(depth).length + 10);
  const linkChars = `<DT><A HREF="${href(99_999)}" ADD_DATE="1600099999">${title(99_999)}</A>\n`.length;
  const perLevel = Math.max(1, Math.floor(budget / depth / linkChars));
  const parts = [head];
  let n = 0;
  for (let level = 1; level < depth; level++) {
    for (let k = 0; k < perLevel; k++, n++)
      parts.push(`<DT><A HREF="${href(n)}" ADD_DATE="${1600000000 + n}">${title(n)}</A>\n`);
    parts.push(open(level));
  }
  for (let k = 0; k < perLevel; k++, n++) parts.push(`<DT><A HREF="${href(n)}">${title(n)}</A>\n`);
  parts.push('</DL><p>\n'.repeat(depth));
  return parts.join('');
}

/** Pocket's CSV, up to `bytes`. */
export function largestCsv(bytes) {
  const parts = ['title,url,time_added,tags,status\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes - 300; i++) {
    const line = `"${title(i)}",${href(i)},${1600000000 + i},${word(i)}|${word(i + 2)},${i % 3 ? 'unread' : 'archive'}\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

/** A list of links, one a line, some with a title, up to `bytes`. */
export function largestUrlList(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes - 300; i++) {
    const line = i % 2 ? `${href(i)}\n` : `${href(i)} ${title(i)}\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

/**
 * One import through the settings page's file input, into an emptied library: the longest task
 * and the tasks over 200 ms from the file's choice, through its preview, to the import's answer
 * (its result or its refusal) on screen.
 */
async function importWatched(b, name, buffer) {
  await b.control.evaluate(() => globalThis.bench.clearAll());
  const { page } = await timedLoad(b.context, b.url('library.html#settings'), { selector: 'main' });
  await settle(page, 300);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask' });
    window.__chosenAt = null;
  });
  const input = page.locator('input[type=file]').first();
  await input.waitFor({ state: 'attached' });
  await page.evaluate(() => {
    document.querySelector('input[type=file]').addEventListener('change', (e) => (window.__chosenAt = e.timeStamp), {
      once: true,
    });
  });
  // From a file on disk: a buffer handed to setInputFiles is decoded by a script in the page
  // itself, a long task of the harness's own before the import begins.
  const dir = mkdtempSync(join(os.tmpdir(), 'learning-loop-import-'));
  const path = join(dir, name);
  writeFileSync(path, buffer);
  await input.setInputFiles(path);
  // Every import asks first: its preview's button (Merge, or Import for links), or a refusal.
  const go = page.locator('.backup-preview .btn-primary');
  const answer = page.locator('.backup-result, .notice-error[role=alert]');
  await go.or(answer).first().waitFor({ timeout: 600_000 });
  if (await go.count()) await go.click();
  await answer.first().waitFor({ timeout: 600_000 });
  // A task still running as the answer is drawn is reported when it ends.
  await sleep(500);
  const { tasks, chosenAt } = await page.evaluate(() => ({ tasks: window.__tasks, chosenAt: window.__chosenAt }));
  const text = (await answer.first().textContent())?.trim().replace(/\s+/g, ' ').slice(0, 160) ?? '';
  const during = tasks.filter((task) => chosenAt === null || task.start + task.ms >= chosenAt);
  const longest = during.reduce((max, task) => Math.max(max, task.ms), 0);
  const stored = await b.control.evaluate(() => globalThis.bench.counts().then((c) => c.resources));
  await page.close();
  // The page reads the file when it needs it: removed only once the import has answered.
  rmSync(dir, { recursive: true, force: true });
  return { longest, over200: during.filter((task) => task.ms > 200).length, answer: text, stored };
}

/**
 * Each format's largest accepted file (and for bookmarks the deepest), imported `runs` times; the
 * figure is the longest task of each run, so its median and p95 are over runs.
 */
export async function measureImportTasks(b, runs, caps = importCaps()) {
  const key = ['html', 'htmlDeep', 'csv', 'urls', 'json'];
  const files = [
    ['bookmarks, largest', 'bookmarks.html', () => largestBookmarks(underCap(caps.html))],
    ['bookmarks, deepest', 'bookmarks-deep.html', () => deepestBookmarks(underCap(caps.html), caps.depth)],
    ['CSV, largest', 'pocket.csv', () => largestCsv(underCap(caps.csv))],
    ['URL list, largest', 'links.txt', () => largestUrlList(underCap(caps.urls))],
    [
      `backup, ${MEDIUM.toLocaleString('en-GB')} resources`,
      'learning-loop-export.json',
      async () => b.control.evaluate((n) => globalThis.bench.exportFile(n), MEDIUM),
    ],
  ];
  const out = [];
  for (const [label, name, make] of files) {
    const buffer = Buffer.from(await make());
    const samples = [];
    let last = null;
    try {
      for (let i = 0; i < runs; i++) {
        last = await importWatched(b, name, buffer);
        samples.push(last.longest);
        await sleep(300);
      }
    } catch (error) {
      // One format's failure leaves the others' figures.
      out.push({ key: key[out.length], label, na: `error: ${String(error?.message ?? error).split('\n')[0]}` });
      continue;
    }
    out.push({
      key: key[out.length],
      label,
      fileMB: buffer.length / MB,
      samples,
      stored: last.stored,
      answer: last.answer,
      over200: last.over200,
    });
  }
  return out;
}
