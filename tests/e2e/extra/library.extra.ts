import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  articleFixture,
  axeViolations,
  extensionUrl,
  launch,
  readStore,
  type Launched,
  wholePageShot,
} from '../harness';
import {
  ARS,
  openLibrary,
  saveThroughPopup,
  serveThumbnails,
  SHOTS,
  type StoredResource,
  count,
} from '../library-helpers';

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/* Screenshots: look at the UI in light and dark. */

const DEMO_TITLES: [string, 'video' | 'article' | 'page', string][] = [
  ['Blameless postmortems: what went well, what went less well', 'video', 'SRE Days'],
  ['Why learning teams outperform: psychological safety in practice', 'article', 'Harvard Business Review'],
  ['The Fifth Discipline in practice: building a learning organisation', 'video', 'Systems Thinking Conference'],
  ['Shadowing a colleague for a day: a field guide', 'article', 'Increment'],
  ['Inviting customers to tell you how they see you', 'article', 'Nielsen Norman Group'],
  ['Questioning old truths: running a “kill a process” workshop', 'video', 'Agile Gothenburg'],
  ['Att lära av misstag: retrospektiv som fungerar', 'video', 'Agila Sverige'],
  ['Mentoring that works both ways', 'article', 'Lenny’s Newsletter'],
  ['Team topologies in ten minutes', 'video', 'GOTO Conferences'],
  ['Writing things down: the async handbook', 'page', 'handbook.example.org'],
  ['Övning ger färdighet: deliberate practice for engineers', 'article', 'Kodkollektivet'],
  ['How we run a monthly learning day', 'article', 'Spotify Engineering'],
  ['Double-loop learning explained', 'video', 'Learning Org Channel'],
  ['The art of the follow-up question', 'article', 'First Round Review'],
  ['Feedback without fear', 'video', 'Leadership Talks'],
  ['Pair programming as a learning tool', 'article', 'Martin Fowler'],
  ['Communities of practice at scale', 'video', 'QCon'],
  ['A field guide to lunch-and-learns', 'page', 'wiki.example.org'],
  ['Kaizen for software teams', 'article', 'InfoQ'],
  ['What a good onboarding buddy does', 'article', 'Increment'],
  ['Lean coffee: a meeting format that invites everyone', 'article', 'Agile Alliance'],
  ['From incident to insight', 'video', 'Monitorama'],
  ['Designing experiments at work', 'article', 'HBR'],
  ['Horizontal careers: growing without managing', 'article', 'StaffEng'],
  ['The learning organisation, 30 years on', 'video', 'MIT Sloan'],
  ['Workshops that question assumptions', 'article', 'Mural Blog'],
  ['How to teach what you just learned', 'video', 'TEDx'],
  ['Retrospective formats that are not boring', 'article', 'Retromat'],
  ['Reading group: Accelerate, chapter 1', 'page', 'notes.example.org'],
  ['Customer visits for engineers', 'article', 'Intercom Blog'],
];

/** ~30 realistic resources written straight into IndexedDB (the screenshots need variety, not the capture path). */
async function seedDemo(library: Page, now: number): Promise<void> {
  const records = DEMO_TITLES.map(([title, kind, site], i) => {
    const id = `demo-${String(i).padStart(2, '0')}`;
    const videoId = `v${String(i).padStart(2, '0')}AbCdEfGh`.slice(0, 11);
    const createdAt = now - i * 19 * 3_600_000;
    const statuses = ['queued', 'learning', 'learned'] as const;
    const status = statuses[i % 3]!;
    const base = {
      id,
      kind,
      title,
      site: kind === 'video' ? 'YouTube' : site,
      author: kind === 'video' ? site : undefined,
      notes: i === 0 ? 'Ask "what made sense at the time?" instead of "who did it?".' : '',
      clips:
        i === 0
          ? [
              { id: 'c1', atSec: 754, note: 'The timeline template', chapter: 'Writing it down', createdAt: now },
              { id: 'c2', atSec: 1320, note: 'Action items that actually get done', createdAt: now },
            ]
          : [],
      takeaways:
        i === 0
          ? [
              { id: 'k1', text: 'Write the timeline before the causes.', createdAt: now },
              { id: 'k2', text: 'Every action item gets an owner and a follow-up date.', createdAt: now },
            ]
          : [],
      tags: [
        ['incidents', 'retrospectives'],
        ['teams', 'leadership'],
        ['systems thinking'],
        ['onboarding'],
        ['customers'],
        ['workshops', 'experiments', 'facilitation', 'teams'],
      ][i % 6]!,
      status,
      createdAt,
      updatedAt: createdAt + 1000,
      ...(status === 'learned' ? { learnedAt: createdAt + 1000 } : {}),
      ...(i % 4 === 0 ? { sharedAt: createdAt + 2000, sharedHow: 'meeting' } : {}),
    };
    return kind === 'video'
      ? {
          ...base,
          url: `https://www.youtube.com/watch?v=${videoId}`,
          canonicalUrl: `https://www.youtube.com/watch?v=${videoId}`,
          videoId,
          thumbnailUrl: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
          durationSec: 300 + ((i * 397) % 3000),
          positionSec: i === 0 ? 754 : undefined,
          description: 'A talk about how teams learn from what happens to them.',
        }
      : {
          ...base,
          url: `https://blog.example.org/${id}`,
          canonicalUrl: `https://blog.example.org/${id}`,
          readingMinutes: kind === 'article' ? 3 + (i % 12) : undefined,
          description:
            kind === 'article'
              ? 'How teams that reflect together improve faster than teams that only ship.'
              : undefined,
        };
  });
  const reflections = [0, 1, 2].map((d) => ({
    id: `refl-${d}`,
    promptId: 'p',
    promptText: 'What went well this week, and why?',
    answer: 'A blameless review.',
    createdAt: now - d * 86_400_000,
    updatedAt: now - d * 86_400_000,
  }));
  await library.evaluate(
    async ({ records, reflections }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['resources', 'reflections'], 'readwrite');
      for (const record of records) tx.objectStore('resources').put(JSON.parse(JSON.stringify(record)));
      for (const reflection of reflections) tx.objectStore('reflections').put(reflection);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { records, reflections },
  );
}

describe('screenshots', () => {
  it.each(['light', 'dark'] as const)(
    'of the resources list, empty and full, and resource pages (%s)',
    async (colorScheme) => {
      mkdirSync(SHOTS, { recursive: true });
      ext = await launch({ colorScheme });
      await serveThumbnails(ext);
      const library = await openLibrary(ext);
      await library.getByRole('heading', { name: 'Your library is empty, for now' }).waitFor();
      await wholePageShot(library, `${SHOTS}/empty-${colorScheme}.png`);

      await saveThroughPopup(ext, ARS, articleFixture('ars-1'), {
        note: 'Patch the game servers before Friday; ask ops how long a restart takes.',
        tags: 'security, ops',
      });
      await seedDemo(library, Date.now());
      await library.reload();
      await expect.poll(() => count(library)).toBe('31 resources');
      await library.evaluate(() =>
        Promise.all(
          [...document.images].map((img) => (img.complete ? null : new Promise((r) => (img.onload = img.onerror = r)))),
        ),
      );
      await library.screenshot({ path: `${SHOTS}/list-${colorScheme}.png` });
      const violations: Record<string, unknown> = {};
      const check = async (name: string) => {
        const found = await axeViolations(library);
        if (found.length) violations[name] = found;
      };
      await check('list');
      await library.getByRole('checkbox', { name: DEMO_TITLES[1]![0] }).check();
      await library.getByRole('checkbox', { name: DEMO_TITLES[2]![0] }).check();
      await library.getByRole('searchbox', { name: 'Search' }).fill('team');
      await library.screenshot({ path: `${SHOTS}/list-search-bulk-${colorScheme}.png` });
      await check('list with a search and a selection');
      await library.getByRole('button', { name: 'Delete', exact: true }).click();
      await library.getByRole('button', { name: 'Undo' }).waitFor();
      await library.getByRole('searchbox', { name: 'Search' }).fill('');
      await library.evaluate(() => scrollTo({ top: 900 }));
      await library.locator('.res-row .res-title').nth(8).focus();
      await library.screenshot({ path: `${SHOTS}/list-scrolled-undo-${colorScheme}.png` });
      await library.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => count(library)).toBe('31 resources');

      await openLibrary(ext, 'resource/demo-00', library);
      await library.getByRole('link', { name: 'Open the video at 12:34' }).waitFor();
      await wholePageShot(library, `${SHOTS}/video-${colorScheme}.png`);
      await check('video');
      const ars = (await readStore<StoredResource>(library, 'resources')).find(
        (r) => r.kind === 'article' && r.title.includes('Minecraft'),
      )!;
      await openLibrary(ext, `resource/${ars.id}`, library);
      await library.getByRole('heading', { name: /^Takeaways/ }).waitFor();
      await wholePageShot(library, `${SHOTS}/article-${colorScheme}.png`);
      await check('article');
      expect(violations).toEqual({});

      await library.setViewportSize({ width: 700, height: 900 });
      await openLibrary(ext, 'resources', library);
      await expect.poll(() => count(library)).toBe('31 resources');
      await library.screenshot({ path: `${SHOTS}/list-narrow-${colorScheme}.png` });
    },
  );
});

/* Measurement: page ready and keystroke-to-results with a big library. Reports figures, asserts none. */

async function seedMany(library: Page, total: number): Promise<void> {
  await library.evaluate(async (n) => {
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = [
      'learning',
      'team',
      'feedback',
      'retrospective',
      'övning',
      'lära',
      'ledarskap',
      'systems',
      'thinking',
      'incident',
      'review',
      'customer',
      'workshop',
      'mentor',
      'pairing',
      'kaizen',
      'experiment',
      'strategy',
      'culture',
      'samarbete',
      'återkoppling',
      'design',
      'testing',
      'architecture',
      'onboarding',
      'communication',
      'trust',
      'meeting',
      'planning',
      'delivery',
    ];
    const sentence = (length: number) => Array.from({ length }, () => pick(words)).join(' ');
    const tags = [
      'leadership',
      'teams',
      'sre',
      'design',
      'agile',
      'retro',
      'onboarding',
      'customers',
      'architecture',
      'testing',
    ];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('learning-loop');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = Date.now();
    const chunk = 5000;
    for (let from = 0; from < n; from += chunk) {
      const tx = db.transaction('resources', 'readwrite');
      const store = tx.objectStore('resources');
      for (let i = from; i < Math.min(n, from + chunk); i++) {
        const kind = i % 3 === 0 ? 'video' : i % 3 === 1 ? 'article' : 'page';
        const createdAt = now - Math.floor(random() * 2 * 365 * 86_400_000);
        const id = `seed-${i}`;
        const status = pick(['queued', 'queued', 'learning', 'learned'] as const);
        store.put({
          id,
          url: `https://blog.example.org/post/${i}`,
          canonicalUrl: `https://blog.example.org/post/${i}`,
          kind,
          title: `${sentence(3 + Math.floor(random() * 6))} ${i}`,
          site: pick(['YouTube', 'Medium', 'HBR', 'InfoQ', 'Kodkollektivet', 'Ars Technica']),
          author: sentence(2),
          ...(kind === 'video'
            ? { durationSec: 60 + Math.floor(random() * 3600), videoId: `v${String(i).padStart(10, '0')}` }
            : { readingMinutes: 1 + Math.floor(random() * 30) }),
          notes: random() < 0.4 ? sentence(20 + Math.floor(random() * 60)) : '',
          clips: [],
          takeaways: random() < 0.2 ? [{ id: `k${i}`, text: sentence(15), createdAt }] : [],
          tags: random() < 0.7 ? [pick(tags), pick(tags)].filter((t, j, all) => all.indexOf(t) === j) : [],
          status,
          createdAt,
          updatedAt: createdAt,
          ...(status === 'learned' ? { learnedAt: createdAt } : {}),
          ...(random() < 0.2 ? { sharedAt: createdAt } : {}),
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, total);
}

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    median: Math.round(at(0.5) * 10) / 10,
    p95: Math.round(at(0.95) * 10) / 10,
    max: Math.round(sorted[sorted.length - 1]! * 10) / 10,
  };
}

const MEASURE = Number(process.env.LIBRARY_MEASURE ?? 0);

describe.runIf(MEASURE > 0)('measurement', () => {
  it(`page ready and keystroke-to-results with ${MEASURE} resources`, { timeout: 600_000 }, async () => {
    ext = await launch();
    let library = await openLibrary(ext);
    await seedMany(library, MEASURE);
    await library.close();

    const loads: { rows: number; ready: number }[] = [];
    for (let run = 0; run < 5; run++) {
      library = await ext.context.newPage();
      await library.addInitScript(() => {
        const w = window as unknown as { __firstRows?: number };
        new MutationObserver((_, observer) => {
          if (document.querySelector('.res-row')) {
            w.__firstRows = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await library.goto(extensionUrl(ext, 'library.html#resources'));
      await library.waitForFunction(() => performance.getEntriesByName('library:index-ready').length > 0, undefined, {
        timeout: 120_000,
      });
      loads.push(
        await library.evaluate(() => ({
          rows: (window as unknown as { __firstRows: number }).__firstRows,
          ready: performance.getEntriesByName('library:index-ready')[0]!.startTime,
        })),
      );
      if (run < 4) await library.close();
    }

    // Two figures per keystroke, both from keydown: to the next frame (is typing smooth?) and to
    // the frame in which the list shows the results for what was typed (any slicing included).
    await library.evaluate(() => {
      const w = window as unknown as { __frame: number[]; __results: number[]; __long: number[] };
      w.__frame = [];
      w.__results = [];
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__long.push(entry.duration);
      }).observe({
        type: 'longtask',
      });
      let down = 0;
      let waiting: number[] = [];
      const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));
      const check = () => {
        const busy = document.querySelector('.res-list')?.getAttribute('aria-busy') === 'true';
        if (busy) return afterPaint(check);
        const now = performance.now();
        for (const start of waiting) w.__results.push(now - start);
        waiting = [];
      };
      addEventListener('keydown', (event) => (down = event.timeStamp), true);
      addEventListener(
        'input',
        (event) => {
          // Text typed without key events (Playwright inserts "å" as text) starts at the input event.
          const start = event.timeStamp - down > 50 ? event.timeStamp : down;
          waiting.push(start);
          afterPaint(() => {
            w.__frame.push(performance.now() - start);
            check();
          });
        },
        true,
      );
    });
    const search = library.getByRole('searchbox', { name: 'Search' });
    for (const query of ['retrospective', 'ovning lara', 'leadership team', 'återkoppling']) {
      await search.fill('');
      await library.waitForTimeout(200);
      await search.pressSequentially(query, { delay: 120 });
      await library.waitForTimeout(300);
      for (let i = 0; i < query.length; i++) await search.press('Backspace', { delay: 60 });
      await library.waitForTimeout(300);
    }
    const { frame, results, long } = await library.evaluate(() => {
      const w = window as unknown as { __frame: number[]; __results: number[]; __long: number[] };
      return { frame: w.__frame, results: w.__results, long: w.__long };
    });
    const heap = await library.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    const report = {
      resources: MEASURE,
      firstRowsMs: stats(loads.map((l) => l.rows)),
      searchReadyMs: stats(loads.map((l) => l.ready)),
      keystrokeToResultsMs: stats(results),
      keystrokeToNextFrameMs: stats(frame),
      keystrokes: frame.length,
      slowestKeystrokes: results
        .map((ms, i) => ({ i, ms: Math.round(ms) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 4),
      longTasksWhileTyping: { count: long.length, ...stats(long.length ? long : [0]) },
      heapMB: Math.round(heap / 1e6),
    };
    console.log(JSON.stringify(report));
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(`${SHOTS}/measure-${MEASURE}.json`, JSON.stringify(report, null, 2));
    expect(results.length).toBeGreaterThan(0);
  });
});
