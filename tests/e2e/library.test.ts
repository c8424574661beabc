import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  articleFixture,
  axeViolations,
  expectedMetadata,
  extensionUrl,
  launch,
  openPopup,
  readStore,
  serve,
  tabIdFor,
  type Launched,
} from './harness';
import { TALK_A, TALK_B, watchPage, type FakeVideo } from './pages/youtube';

interface StoredResource {
  id: string;
  title: string;
  kind: string;
  notes: string;
  takeaways: string;
  tags: string[];
  status: string;
  sharedAt?: number;
  sharedHow?: string;
  learnedAt?: number;
  positionSec?: number;
  timestampNotes: { atSec: number; text: string }[];
  updatedAt: number;
}

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const SHOTS = '/tmp/shots-library';
const ARS = 'https://arstechnica.com/science/2015/07/some-article/';
const BBC = 'https://www.bbc.com/news/some-story';
const TALK_C: FakeVideo = {
  id: 'Zx9Yw8Vu7Ts',
  title: 'Att lära av misstag: retrospektiv som fungerar',
  channel: 'Agila Sverige',
  durationIso: 'PT19M40S',
  description: 'Om återkoppling och övning i team.',
};

/** A YouTube-like thumbnail, so screenshots show what a user sees (nothing leaves the machine). */
function thumbnailSvg(label: string, hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 38%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 22%)"/></linearGradient></defs>
<rect width="480" height="270" fill="url(#g)"/><circle cx="390" cy="70" r="90" fill="rgb(255 255 255 / 0.08)"/>
<text x="32" y="200" font-family="sans-serif" font-size="40" font-weight="700" fill="#fff">${label}</text></svg>`;
}

async function serveThumbnails(launched: Launched): Promise<void> {
  await launched.context.route(/^https:\/\/(i\.ytimg\.com|cdn\.arstechnica\.net)\//, (route) => {
    const id = /\/vi\/([^/]+)\//.exec(route.request().url())?.[1] ?? 'ARS';
    const hue = [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
    return route.fulfill({
      status: 200,
      contentType: 'image/svg+xml',
      body: thumbnailSvg(id.slice(0, 4).toUpperCase(), hue),
    });
  });
}

/** Save through the real capture path: the page is served, the popup reads it and saves it. */
async function saveThroughPopup(
  launched: Launched,
  url: string,
  body: string,
  extras: { note?: string; tags?: string } = {},
): Promise<Page> {
  await serve(launched.context, url, body);
  const tab = await launched.context.newPage();
  await tab.goto(url);
  const popup = await openPopup(launched, await tabIdFor(launched, url));
  await popup.locator('#capture-title').filter({ hasNotText: /^$/ }).waitFor();
  await popup.getByRole('button', { name: 'Save this page' }).waitFor();
  await expect.poll(() => popup.getByRole('button', { name: 'Save this page' }).isEnabled()).toBe(true);
  if (extras.note) await popup.getByLabel('Add a note').fill(extras.note);
  if (extras.tags) await popup.getByLabel('Tags').fill(extras.tags);
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  return popup;
}

const talkUrl = (video: FakeVideo) => `https://www.youtube.com/watch?v=${video.id}`;

async function saveLibrary(launched: Launched): Promise<void> {
  await saveThroughPopup(launched, talkUrl(TALK_A), watchPage(TALK_A, 754), {
    note: 'Shared vision needs dialogue, not slides.',
    tags: 'leadership, systems thinking',
  });
  await saveThroughPopup(launched, talkUrl(TALK_B), watchPage(TALK_B, 95), { tags: 'incidents' });
  await saveThroughPopup(launched, talkUrl(TALK_C), watchPage(TALK_C, 0), {
    note: 'Prova en övning på nästa retro.',
    tags: 'retrospectives',
  });
  await saveThroughPopup(launched, ARS, articleFixture('ars-1'), {
    note: 'Patch the game servers before Friday.',
    tags: 'security',
  });
  await saveThroughPopup(launched, BBC, articleFixture('bbc-1'));
}

async function openLibrary(launched: Launched, hash = 'resources', page?: Page): Promise<Page> {
  const library = page ?? (await launched.context.newPage());
  await library.goto(extensionUrl(launched, `library.html#${hash}`));
  await library.locator('#main h1').first().waitFor();
  return library;
}

const count = (library: Page) => library.locator('.res-count').textContent();
const titles = (library: Page) => library.locator('.res-row .res-title').allTextContents();

describe('the library', () => {
  it('an empty library teaches what to do first', async () => {
    ext = await launch();
    const library = await openLibrary(ext);
    await library.getByRole('heading', { name: 'Your library is empty, for now' }).waitFor();
    expect(await library.getByText('The keyboard shortcut').count()).toBe(1);
    expect(await library.locator('kbd').allTextContents()).toEqual(['Alt', 'Shift', 'S']);
    expect(await library.getByRole('link', { name: 'Import in Settings' }).getAttribute('href')).toBe('#settings');
    expect(await library.getByRole('searchbox', { name: 'Search' }).count()).toBe(0);
  });

  it('search finds a resource by a word of its notes, ignoring diacritics, and filters combine', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    const search = library.getByRole('searchbox', { name: 'Search' });

    await search.pressSequentially('dialogue');
    await expect.poll(() => titles(library)).toEqual([TALK_A.title]);
    expect(await count(library)).toBe('1 of 5 resources');

    await search.fill('');
    await search.pressSequentially('ovning');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);
    await search.fill('lara');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);

    // The search is in the address, so a reload shows the same view.
    await library.waitForFunction(() => location.hash === '#resources?q=lara');
    await library.reload();
    await expect.poll(() => titles(library)).toEqual([TALK_C.title]);
    await library.getByRole('button', { name: 'Clear search and filters' }).first().click();
    await expect.poll(() => count(library)).toBe('5 resources');

    await library.getByLabel('Kind', { exact: true }).selectOption('video');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title, TALK_B.title, TALK_A.title]);
    await library.getByLabel('Tag', { exact: true }).selectOption('incidents');
    await expect.poll(() => titles(library)).toEqual([TALK_B.title]);
    await library.getByLabel('Tag', { exact: true }).selectOption('');
    await library.getByLabel('Sort', { exact: true }).selectOption('shortest');
    await expect.poll(() => titles(library)).toEqual([TALK_C.title, TALK_B.title, TALK_A.title]);

    // Mark one learned in bulk: status and kind combine; shared and kind combine.
    await library.getByRole('checkbox', { name: TALK_B.title }).check();
    await library.getByRole('button', { name: 'Mark learned' }).click();
    await library.getByRole('status').filter({ hasText: 'Marked 1 as learned.' }).waitFor();
    await library.getByLabel('Status', { exact: true }).selectOption('learned');
    await expect.poll(() => titles(library)).toEqual([TALK_B.title]);
    await library.getByLabel('Status', { exact: true }).selectOption('');
    await library.getByLabel('Kind', { exact: true }).selectOption('article');
    await library.getByLabel('Shared', { exact: true }).selectOption('unshared');
    await expect.poll(() => count(library)).toBe('2 of 5 resources');
    await search.fill('friday');
    await expect.poll(() => titles(library)).toEqual([expectedMetadata('ars-1').title]);
  });

  it('an edit in the library shows in the open popup, and a change in the popup shows in the library without eating what is typed', async () => {
    ext = await launch();
    const popup = await saveThroughPopup(ext, talkUrl(TALK_A), watchPage(TALK_A, 754), { note: 'First thoughts.' });
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: TALK_A.title, exact: true }).click();
    await library.getByRole('heading', { level: 1, name: TALK_A.title }).waitFor();

    await library.getByLabel('Takeaways').pressSequentially('Ask before telling.');
    await library.getByLabel('Learned', { exact: true }).check();
    await library.getByRole('checkbox', { name: 'Shared with team' }).check();
    await library.getByLabel('How you shared it').selectOption('meeting');
    await library.getByLabel('Tags').fill('leadership, dialogue');
    await expect
      .poll(async () => (await readStore<StoredResource>(library, 'resources'))[0])
      .toMatchObject({
        takeaways: 'Ask before telling.',
        status: 'learned',
        sharedHow: 'meeting',
        tags: ['leadership', 'dialogue'],
      });

    // The popup that is still open follows: status chip and shared checkbox.
    await popup.locator('.recent .chip').filter({ hasText: 'Learned' }).waitFor();
    await expect.poll(() => popup.getByRole('checkbox', { name: 'Shared with team' }).isChecked()).toBe(true);

    // Notes typed in the library are what a reopened popup shows.
    await library.getByLabel('Notes', { exact: true }).fill('First thoughts. Then: dialogue beats slides.');
    const reopened = await openPopup(ext, await tabIdFor(ext, talkUrl(TALK_A)));
    await expect
      .poll(() => reopened.getByLabel('Notes').inputValue())
      .toBe('First thoughts. Then: dialogue beats slides.');

    // The reverse: the user is typing in the library's notes when the popup unshares.
    const notes = library.getByLabel('Notes', { exact: true });
    await notes.click();
    await notes.press('End');
    await notes.pressSequentially(' Still typing');
    await reopened.getByRole('checkbox', { name: 'Shared with team' }).uncheck();
    await expect.poll(() => library.getByRole('checkbox', { name: 'Shared with team' }).isChecked()).toBe(false);
    expect(await notes.inputValue()).toBe('First thoughts. Then: dialogue beats slides. Still typing');

    // And the list, open in another tab, shows the popup's change live.
    const list = await openLibrary(ext);
    await list.locator('.res-row .chip').filter({ hasText: 'Learned' }).waitFor();
    await reopened.locator('.recent').getByRole('checkbox', { name: 'Shared with team' }).check();
    await list.locator('.res-row .chip').filter({ hasText: 'Shared with team' }).waitFor();
  });

  it('a video note is a link that opens the video at its second; the clip position is the first note’s default', async () => {
    ext = await launch();
    await saveThroughPopup(ext, talkUrl(TALK_A), watchPage(TALK_A, 754));
    const library = await openLibrary(ext);
    await library.getByRole('link', { name: TALK_A.title, exact: true }).click();
    expect(await library.getByRole('link', { name: 'Open video at 12:34' }).getAttribute('href')).toBe(
      `https://www.youtube.com/watch?v=${TALK_A.id}&t=754s`,
    );
    const at = library.getByLabel('At', { exact: true });
    expect(await at.inputValue()).toBe('12:34');
    await library.getByLabel('Note', { exact: true }).fill('Shared vision is built in dialogue');
    await library.getByRole('button', { name: 'Add note' }).click();
    const first = library.getByRole('link', { name: 'Open the video at 12:34' });
    expect(await first.getAttribute('href')).toContain('&t=754s');
    expect(await first.getAttribute('target')).toBe('_blank');

    expect(await at.inputValue()).toBe('');
    await at.fill('1:02');
    await library.getByLabel('Note', { exact: true }).fill('Why slides fail');
    await library.keyboard.press('Enter');
    expect(await library.getByRole('link', { name: 'Open the video at 1:02' }).getAttribute('href')).toContain(
      '&t=62s',
    );
    await library.getByLabel('Note at 12:34', { exact: true }).fill('Shared vision is built in dialogue, not decks');
    await expect
      .poll(async () => (await readStore<StoredResource>(library, 'resources'))[0]!.timestampNotes)
      .toEqual([
        { atSec: 62, text: 'Why slides fail' },
        { atSec: 754, text: 'Shared vision is built in dialogue, not decks' },
      ]);

    await at.fill('soon');
    await library.getByLabel('Note', { exact: true }).fill('x');
    await library.getByRole('button', { name: 'Add note' }).click();
    await library.getByRole('alert').filter({ hasText: 'like 12:34' }).waitFor();

    // Searching finds a resource by the text of its video notes too.
    await library.getByRole('link', { name: 'All resources' }).click();
    await library.getByRole('searchbox', { name: 'Search' }).fill('slides fail');
    await expect.poll(() => titles(library)).toEqual([TALK_A.title]);
  });

  it('bulk delete, then undo puts the records back exactly', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    const before = await readStore<StoredResource>(library, 'resources');

    await library.getByRole('checkbox', { name: TALK_A.title }).check();
    await library.getByRole('checkbox', { name: TALK_C.title }).check();
    await library.getByText('2 selected').waitFor();
    await library.getByLabel('Tag to add').fill('to-share');
    await library.getByRole('button', { name: 'Add tag' }).click();
    await library.getByRole('status').filter({ hasText: 'Added to-share to 2.' }).waitFor();
    await library.getByRole('button', { name: 'Mark shared' }).click();
    await library.getByRole('status').filter({ hasText: 'Marked 2 as shared' }).waitFor();
    const tagged = await readStore<StoredResource>(library, 'resources');
    expect(
      tagged
        .filter((r) => r.tags.includes('to-share') && r.sharedAt)
        .map((r) => r.title)
        .sort(),
    ).toEqual([TALK_C.title, TALK_A.title].sort());

    await library.getByRole('button', { name: 'Delete', exact: true }).click();
    await library.getByText('Deleted 2 resources.').waitFor();
    await expect.poll(() => count(library)).toBe('3 resources');
    expect(await readStore(library, 'resources')).toHaveLength(3);

    // Well past ten seconds, and after visiting another section, Undo still works.
    await library.waitForTimeout(11_000);
    await library.getByRole('link', { name: 'Journal' }).click();
    await library.getByRole('link', { name: 'Resources' }).click();
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(library)).toBe('5 resources');
    const after = await readStore<StoredResource>(library, 'resources');
    const byId = (list: StoredResource[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(tagged));
    expect(before).toHaveLength(5);
  });

  it('a resource deleted from its own page can be undone from the list', async () => {
    ext = await launch();
    await saveThroughPopup(ext, ARS, articleFixture('ars-1'), { note: 'keep me' });
    const library = await openLibrary(ext);
    const title = expectedMetadata('ars-1').title;
    await library.getByRole('link', { name: title, exact: true }).click();
    const [record] = await readStore<StoredResource>(library, 'resources');
    await library.getByRole('button', { name: 'Delete this resource' }).click();
    await library.getByText(`Deleted “${title}”.`).waitFor();
    await library.getByRole('heading', { name: 'Your library is empty, for now' }).waitFor();
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => titles(library)).toEqual([title]);
    expect(await readStore(library, 'resources')).toEqual([record]);
  });

  it('speaks Swedish', async () => {
    ext = await launch({ lang: 'sv' });
    const library = await openLibrary(ext);
    await library.getByRole('heading', { name: 'Ditt bibliotek är tomt, än så länge' }).waitFor();
    expect(await library.getByText('Reflektioner i rad').count()).toBe(1);
    expect(await library.getByRole('link', { name: 'Importera under Inställningar' }).count()).toBe(1);
  });

  it('the list is navigable by keyboard', async () => {
    ext = await launch();
    await saveLibrary(ext);
    const library = await openLibrary(ext);
    await expect.poll(() => count(library)).toBe('5 resources');
    await library.keyboard.press('/');
    await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await library.locator('.res-row .res-title').first().focus();
    await library.keyboard.press('ArrowDown');
    await library.keyboard.press('ArrowDown');
    const focused = () => library.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focused).toBe((await titles(library))[2]);
    await library.keyboard.press('End');
    await expect.poll(focused).toBe((await titles(library))[4]);
    const last = (await titles(library))[4]!;
    await library.keyboard.press('Enter');
    await library.getByRole('heading', { level: 1, name: last }).waitFor();
  });
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
      timestampNotes:
        i === 0
          ? [
              { atSec: 754, text: 'The timeline template' },
              { atSec: 1320, text: 'Action items that actually get done' },
            ]
          : [],
      takeaways:
        i === 0 ? 'Write the timeline before the causes.\nEvery action item gets an owner and a follow-up date.' : '',
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
      await library.screenshot({ path: `${SHOTS}/empty-${colorScheme}.png`, fullPage: true });

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
      await library.screenshot({ path: `${SHOTS}/video-${colorScheme}.png`, fullPage: true });
      await check('video');
      const ars = (await readStore<StoredResource>(library, 'resources')).find(
        (r) => r.kind === 'article' && r.title.includes('Minecraft'),
      )!;
      await openLibrary(ext, `resource/${ars.id}`, library);
      await library.getByLabel('Takeaways').waitFor();
      await library.screenshot({ path: `${SHOTS}/article-${colorScheme}.png`, fullPage: true });
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
          timestampNotes: [],
          takeaways: random() < 0.2 ? sentence(15) : '',
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
