// Takes every screenshot a person should look at, from the built e2e copy of the extension:
// en/sv × light/dark; the popup at 380 px on a new page, a saved page, a video, a page that
// cannot be saved, with a prompt due and with a follow-up due; the library at 1,024 px in every
// view, empty and with demo data; the import's preview of a backup and of a Pocket export. The full set goes to SHOTS_DIR (default .output-screenshots);
// the README's own set is copied into docs/screenshots. Run with `npm run screenshots`.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  articleFixture,
  extensionUrl,
  launch,
  openPopup,
  openTab,
  promptDueIn,
  putRecords,
  serve,
  tabIdFor,
  type Launched,
  ROOT,
  wholePageShot,
} from '../tests/e2e/harness';
import { watchPage, type FakeVideo } from '../tests/e2e/pages/youtube';
import { DEMO_VIDEO, demoRecords, seedDemo } from '../tests/e2e/demo';
import { BACKUP_VERSION } from '../lib/backup/format';
import type { Resource } from '../lib/model/resource';
import { missingReviewCards } from '../lib/model/review-card';

const outDir = process.env.SHOTS_DIR ?? join(ROOT, '.output-screenshots');
const readmeDir = join(ROOT, 'docs/screenshots');

const NEW_ARTICLE = 'https://arstechnica.com/science/2015/07/some-article/';
const DEMO_TALK: FakeVideo = {
  id: DEMO_VIDEO.replace(/^demo-/, ''),
  title: 'Blameless postmortems: what went well, what went less well',
  channel: 'SRE Days',
  durationIso: 'PT28M5S',
  description: 'How blameless reviews find causes instead of culprits.',
};

const VIEWS = [
  'resources',
  `resource/${DEMO_VIDEO}`,
  'review',
  'journal',
  'actions',
  'team',
  'assessment',
  'settings',
  'welcome',
];
const viewName = (view: string) => view.replace(/\/.*/, '');

/** Shots stand still: no caret blinking, no transition half-way, fonts and images in. */
async function settle(page: Page): Promise<void> {
  await page.addStyleTag({
    content:
      '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}',
  });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle').catch(() => undefined);
}

/** As a page's command tells the background what it wrote (the badge follows). */
async function tellBackground(page: Page, change: { stores: string[]; ids: string[]; items: string[] }) {
  await page.evaluate(
    (data) =>
      chrome.runtime.sendMessage({ id: 1, type: 'changed', data, timestamp: Date.now() }).catch(() => undefined),
    change,
  );
}

async function popupShot(ext: Launched, tabUrl: string, name: string, ready: (popup: Page) => Promise<void>) {
  const tabId = tabUrl.startsWith('chrome:') ? await openTab(ext, tabUrl) : await tabIdFor(ext, tabUrl);
  const popup = await openPopup(ext, tabId);
  await ready(popup);
  await settle(popup);
  // A real popup stops at 600 px and its body scrolls; the shot shows all of it.
  await popup.addStyleTag({ content: 'html,body{overflow:visible!important;max-height:none!important}' });
  await popup.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  await popup.close();
}

async function shoot(lang: 'en' | 'sv', scheme: 'light' | 'dark', data: 'empty' | 'demo'): Promise<void> {
  const ext = await launch({ colorScheme: scheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
  const suffix = `${lang}-${scheme}`;
  const tag = data === 'demo' ? '' : '-empty';
  try {
    if (data === 'demo') await seedDemo(ext);
    await serve(ext.context, /^https:\/\/www\.youtube\.com\/watch/, watchPage(DEMO_TALK, 754));
    await serve(ext.context, NEW_ARTICLE, articleFixture('ars-1'));
    for (const url of [NEW_ARTICLE, `https://www.youtube.com/watch?v=${DEMO_TALK.id}`]) {
      const tab = await ext.context.newPage();
      await tab.goto(url);
    }

    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 1024, height: 768 });
    for (const view of VIEWS) {
      if (data === 'empty' && view.startsWith('resource/')) continue;
      await library.goto(extensionUrl(ext, `library.html#${view}`));
      await library.locator('#main h1').first().waitFor();
      await library
        .locator('.skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await settle(library);
      // A view focuses its heading for screen readers; the ring it draws is not part of the page.
      await library.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.matches('h1, h2') &&
          (document.activeElement as HTMLElement).blur(),
      );
      await wholePageShot(library, join(outDir, `library-${viewName(view)}${tag}-${suffix}.png`));
    }

    // Captured (or known not to be capturable) and the recent list read.
    const ready = async (popup: Page) => {
      await popup.locator('.capture[aria-busy="false"]').waitFor();
      await popup.locator('.recent li, .recent .empty').first().waitFor();
    };
    await popupShot(ext, NEW_ARTICLE, `popup-new-page${tag}-${suffix}`, ready);
    await popupShot(ext, `https://www.youtube.com/watch?v=${DEMO_TALK.id}`, `popup-video${tag}-${suffix}`, ready);
    await popupShot(ext, 'chrome://version/', `popup-restricted${tag}-${suffix}`, ready);
    if (data === 'demo') {
      // Saved from the popup, then opened again: what a saved page offers.
      const saving = await openPopup(ext, await tabIdFor(ext, NEW_ARTICLE));
      await ready(saving);
      await saving.locator('.capture-actions .btn-primary').click();
      await saving.locator('.capture-actions a').first().waitFor();
      await saving.close();
      await popupShot(ext, NEW_ARTICLE, `popup-saved-page-${suffix}`, ready);
      // A follow-up due: the first demo action's date has come.
      const [due] = demoRecords(Date.now()).actions;
      await putRecords(library, 'actions', [{ ...due, followUpAt: Date.now() - 60_000 }]);
      await tellBackground(library, { stores: ['actions'], ids: [], items: [] });
      // Named in the strip above the page's action, then opened in place.
      await popupShot(ext, 'chrome://version/', `popup-follow-up-${suffix}`, async (popup) => {
        await popup.locator('.waiting-strip').click();
        await popup.locator('.follow-up-card').waitFor();
      });
      await putRecords(library, 'actions', [due]);
      await tellBackground(library, { stores: ['actions'], ids: [], items: [] });
      // A reflection question due: the schedule's next slot is a second away.
      await promptDueIn(library, 1);
      await expect
        .poll(() => library.evaluate(async () => (await chrome.storage.local.get('duePrompt')).duePrompt ?? null), {
          timeout: 20_000,
        })
        .not.toBeNull();
      // The question waiting: the strip above Save, then the question opened from it.
      await popupShot(ext, NEW_ARTICLE, `popup-waiting-${suffix}`, async (popup) => {
        await ready(popup);
        await popup.locator('.waiting-strip').waitFor();
      });
      await popupShot(ext, NEW_ARTICLE, `popup-prompt-${suffix}`, async (popup) => {
        await ready(popup);
        await popup.locator('.waiting-strip').click();
        await popup.locator('.due-prompt').first().waitFor();
      });
      await importPreviewShots(ext, library, suffix);
    }
  } finally {
    await ext.close();
  }
}

/**
 * The import's preview, before anything is written: a backup holding the demo library with one
 * title edited and one resource more (what Merge would change, per kind), a Pocket export and a
 * Kindle's clippings.
 */
async function importPreviewShots(ext: Launched, library: Page, suffix: string): Promise<void> {
  const records = demoRecords(Date.now());
  const [first, ...rest] = records.resources;
  const edited = { ...first!, title: `${first!.title} (edited)`, updatedAt: first!.updatedAt + 60_000 };
  const extra = { ...first!, id: 'preview-extra', url: NEW_ARTICLE, canonicalUrl: NEW_ARTICLE, title: 'A new one' };
  const backup = JSON.stringify({
    format: 'learning-loop',
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    ...records,
    resources: [edited, ...rest, extra],
    settings: { showThumbnails: true },
  });
  const files: [string, string, Buffer][] = [
    ['import-preview-backup', 'learning-loop-backup.json', Buffer.from(backup)],
    ['import-preview-links', 'pocket.csv', readFileSync(join(ROOT, 'tests/fixtures/import/pocket.csv'))],
    // Pocket's zip: its parts read as one export, and what the zip held besides.
    ['import-preview-zip', 'pocket-export.zip', readFileSync(join(ROOT, 'tests/fixtures/import/pocket-export.zip'))],
    // Highlights: books and quotes new, entries left out, the review's pace.
    [
      'import-preview-kindle',
      'My Clippings.txt',
      readFileSync(join(ROOT, 'tests/fixtures/import/kindle-clippings-lf.txt')),
    ],
  ];
  for (const [shot, name, buffer] of files) {
    await library.goto(extensionUrl(ext, 'library.html#settings'));
    await library.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await library.locator('.backup-preview').waitFor();
    await settle(library);
    await library.locator('.backup').screenshot({ path: join(outDir, `${shot}-${suffix}.png`) });
  }
}

/** The README shows these (same names as before, so its text need not change). */
const README_SHOTS: [string, string][] = [
  ['popup-video-en-light', 'popup-en-light'],
  ['popup-video-sv-dark', 'popup-sv-dark'],
  ...['resources', 'resource', 'review', 'journal', 'team', 'assessment'].map((view): [string, string] => [
    `library-${view}-en-light`,
    `library-${view}-en-light`,
  ]),
  ...['resources', 'resource', 'journal', 'team', 'assessment'].map((view): [string, string] => [
    `library-${view}-sv-dark`,
    `library-${view}-sv-dark`,
  ]),
];

it('takes the screenshots', async () => {
  mkdirSync(outDir, { recursive: true });
  for (const lang of ['en', 'sv'] as const)
    for (const scheme of ['light', 'dark'] as const)
      for (const data of ['demo', 'empty'] as const) await shoot(lang, scheme, data);
  mkdirSync(readmeDir, { recursive: true });
  for (const [from, to] of README_SHOTS) copyFileSync(join(outDir, `${from}.png`), join(readmeDir, `${to}.png`));
});

/**
 * The team space, as two teammates see it against a real CouchDB-protocol server (pouchdb-server
 * from npm, started here): Settings → Sync and team connected, and the Team page with From the
 * team and the team's learning environment (three members' checks).
 */
async function shootTeamSpace(lang: 'en' | 'sv', scheme: 'light' | 'dark'): Promise<void> {
  const { addTeam, addUsers, startCouch } = await import('../tests/e2e/couch');
  const couch = await startCouch();
  const suffix = `${lang}-${scheme}`;
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const scores = (values: number[]) =>
    Object.fromEntries(
      ['felt-need', 'cooperation', 'recognition', 'careers', 'feedback', 'new-ideas', 'bottom-up'].map((id, i) => [
        id,
        values[i]!,
      ]),
    );
  const members = [
    { user: 'alice', password: 'alice-pw', scores: scores([2, 4, 3, 3, 4, 5, 3]) },
    { user: 'bob', password: 'bob-pw', scores: scores([1, 5, 4, 2, 4, 4, 3]) },
    { user: 'chris', password: 'chris-pw', scores: scores([2, 3, 5, 4, 3, 4, 4]) },
  ];
  await addUsers(couch, Object.fromEntries(members.map((m) => [m.user, m.password])));
  await addTeam(
    couch,
    'team-learning',
    members.map((m) => m.user),
  );
  const devices: Launched[] = [];
  try {
    const pages: Page[] = [];
    for (const member of members.slice(0, 2)) {
      const ext = await launch({ lang: lang === 'sv' ? 'sv' : 'en-GB', colorScheme: scheme });
      devices.push(ext);
      await ext.context.route(/^http:\/\/127\.0\.0\.1:\d+\//, (route) => route.continue());
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1024, height: 860 });
      await page.goto(extensionUrl(ext, 'library.html#settings/sync'));
      await page.locator('#sync input[type=url]').fill(couch.url);
      await page.locator('#sync input[autocomplete=username]').fill(member.user);
      await page.locator('#sync input[type=password]').fill(member.password);
      await page.locator('#sync input').nth(4).fill('team-learning');
      await page.locator('#sync button[type=submit]').click();
      await page.locator('#sync .ok-text').first().waitFor();
      await putRecords(page, 'assessments', [
        { id: `check-${member.user}`, createdAt: now - day, updatedAt: now - day, scores: member.scores },
      ]);
      pages.push(page);
    }
    const [alice, bob] = pages as [Page, Page];
    await alice.locator('#sync').screenshot({ path: join(outDir, `settings-sync-${suffix}.png`) });
    await putRecords(alice, 'resources', [
      {
        id: 'small-batches',
        url: 'https://blog.example.org/small-batches',
        canonicalUrl: 'https://blog.example.org/small-batches',
        kind: 'article',
        title: 'Small batches win: what a year of weekly releases taught us',
        site: 'Example Blog',
        notes: '',
        clips: [],
        takeaways: [
          {
            id: 'tk1',
            text: lang === 'sv' ? 'Leverera i skivor om en dag' : 'Ship in slices of a day',
            createdAt: now,
          },
          {
            id: 'tk2',
            text: lang === 'sv' ? 'Granska ändringen, inte ärendet' : 'Review the diff, not the ticket',
            createdAt: now,
          },
        ],
        tags: [],
        status: 'learned',
        learnedAt: now - day,
        createdAt: now - 2 * day,
        updatedAt: now - day,
      },
    ]);
    await alice.goto(extensionUrl(devices[0]!, 'library.html#team'));
    await alice.locator('.teach-check').first().check();
    await alice.locator('#teach-how').selectOption('meeting');
    await alice.locator('.teach-bulk-actions .btn-primary').click();
    await alice.locator('.publish-offer .btn-primary').click();
    await alice.locator('.publish-offer').waitFor({ state: 'detached' });
    for (const page of pages) await page.goto(extensionUrl(devices[pages.indexOf(page)]!, 'library.html#team'));
    for (const page of pages) {
      await page.locator('.team-env .btn').first().click();
      await page.locator('.team-env .ok-text').waitFor();
    }
    const chris = members[2]!;
    await fetch(`${couch.url}/team-learning/check%2Fchris`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${chris.user}:${chris.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'check', author: 'chris', checkedAt: now - day, scores: chris.scores }),
    });
    // Reactions (#54): chris comments on alice's item through the server, as his browser would.
    await fetch(`${couch.url}/team-learning/${encodeURIComponent('reaction/chris/comment/alice/small-batches/c1')}`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`${chris.user}:${chris.password}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        type: 'reaction',
        author: 'chris',
        kind: 'comment',
        item: 'shared/alice/small-batches',
        at: now - 60_000,
        text: lang === 'sv' ? 'Hur delade ni upp det första ärendet?' : 'How did you slice the first ticket?',
      }),
    });
    await bob.reload();
    await bob.locator('.team-from-item').first().waitFor();
    await bob.locator('.team-env-table').waitFor({ timeout: 30_000 });
    await bob.locator('.team-item-reactions .btn').first().click();
    await bob.locator('.team-reaction-thanks').waitFor();
    await wholePageShot(bob, join(outDir, `library-team-space-${suffix}.png`));
    await alice.reload();
    await alice.locator('.team-reaction-comment').waitFor({ timeout: 30_000 });
    await alice.locator('.team-from').screenshot({ path: join(outDir, `team-reactions-${suffix}.png`) });
  } finally {
    for (const ext of devices) await ext.close();
    await couch.stop();
  }
}

it('takes the team space screenshots', async () => {
  mkdirSync(outDir, { recursive: true });
  await shootTeamSpace('en', 'light');
  await shootTeamSpace('sv', 'dark');
  for (const name of ['library-team-space-en-light', 'settings-sync-en-light'])
    copyFileSync(join(outDir, `${name}.png`), join(readmeDir, `${name}.png`));
});

/**
 * The team digest of a real week: last week (so the shot does not depend on today's weekday), with
 * a talk never marked Learned that got three takeaways, three clips and a done action, an article
 * with two quotes and its author, a workshop logged, a book with two quotes typed from its pages
 * (then its own page: library-resource-book), a post shared in a meeting.
 */
async function digestWeekShot(lang: 'en' | 'sv', scheme: 'light' | 'dark'): Promise<void> {
  const ext = await launch({ colorScheme: scheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
  try {
    await seedDemo(ext);
    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 1024, height: 768 });
    await library.goto(extensionUrl(ext, 'library.html#team'));
    await library.locator('#digest-period').waitFor();
    const monday = new Date();
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) - 7);
    const at = (day: number, hour: number, minute = 0) =>
      monday.getTime() + day * 86_400_000 + (hour * 60 + minute) * 60_000;
    const day = (n: number) => new Date(at(n, 12)).toLocaleDateString('sv-SE');
    const page = (id: string, url: string, fields: object) => ({
      id,
      url,
      canonicalUrl: url,
      notes: '',
      clips: [],
      takeaways: [],
      tags: [],
      status: 'learning',
      createdAt: at(-20, 9),
      updatedAt: at(5, 18),
      ...fields,
    });
    const item = (id: string, text: string, createdAt: number) => ({ id, text, createdAt });
    const resources = [
      page('week-talk', 'https://www.youtube.com/watch?v=weekTalk01', {
        kind: 'video',
        title: 'Team Topologies in practice',
        site: 'YouTube',
        author: 'DevOps Conference',
        videoId: 'weekTalk01',
        durationSec: 2710,
        takeaways: [
          item('tt1', 'Stream-aligned teams own an outcome end to end.', at(0, 10)),
          item('tt2', 'Watch cognitive load before adding scope to a team.', at(0, 10, 5)),
          item('tt3', 'A platform is a product: its users are our own teams.', at(1, 9)),
        ],
        clips: [
          {
            id: 'tc1',
            atSec: 312,
            note: 'The four team types, one slide',
            chapter: 'Team types',
            createdAt: at(0, 9, 40),
          },
          {
            id: 'tc2',
            atSec: 1205,
            endSec: 1290,
            note: 'Interaction modes: when to collaborate, when to serve',
            createdAt: at(0, 9, 55),
          },
          { id: 'tc3', atSec: 2290, note: 'Measuring cognitive load with a survey', createdAt: at(1, 8, 50) },
        ],
      }),
      page('week-article', 'https://dropbox.tech/infrastructure/incident-reviews', {
        kind: 'article',
        title: 'How we run incident reviews',
        site: 'Dropbox Tech',
        author: 'Jamie Turner',
        readingMinutes: 11,
        status: 'learned',
        learnedAt: at(2, 16),
        quotes: [
          {
            id: 'aq1',
            exact: 'The review is about the system that let the mistake through, not the person who made it.',
            note: 'Our template asks "who" first.',
            createdAt: at(2, 14),
          },
          {
            id: 'aq2',
            exact: 'Write the timeline before the meeting, so the hour goes to causes.',
            note: '',
            createdAt: at(2, 14, 20),
          },
        ],
      }),
      page('week-workshop', undefined as unknown as string, {
        kind: 'activity',
        activityType: 'workshop',
        title: 'Facilitation workshop',
        happenedOn: day(3),
        withWhom: 'Product team',
        takeaways: [item('wt1', 'Silent writing first: every voice gets on the board.', at(3, 15))],
      }),
      // A book with quotes typed from its pages: cited by page and location in the digest.
      page('week-book', undefined as unknown as string, {
        kind: 'activity',
        activityType: 'book',
        title: 'The Fifth Discipline',
        author: 'Peter Senge',
        happenedOn: day(1),
        quotes: [
          {
            id: 'bq1',
            exact: 'Team learning is the process of aligning and developing the capacity of a team.',
            note: 'For the retro invitation',
            createdAt: at(1, 20),
            location: { page: '236', loc: '3410-3412' },
          },
          {
            id: 'bq2',
            exact: 'Dialogue, not discussion.',
            note: '',
            createdAt: at(1, 20, 5),
            location: { page: '237' },
          },
        ],
      }),
      page('week-shared', 'https://about.gitlab.com/blog/async-standups', {
        kind: 'article',
        title: 'Async stand-ups that people read',
        site: 'GitLab',
        readingMinutes: 6,
        status: 'learned',
        learnedAt: at(-10, 12),
        sharedAt: at(4, 10),
        sharedHow: 'meeting',
      }),
    ].map((record) => {
      const copy: Record<string, unknown> = { ...record };
      if (copy.kind === 'activity') {
        delete copy.url;
        delete copy.canonicalUrl;
      }
      return copy;
    });
    await putRecords(library, 'resources', resources);
    // Each item with its review card, as every write makes one.
    await putRecords(library, 'reviews', missingReviewCards(resources as unknown as Resource[], new Map(), Date.now()));
    await putRecords(library, 'actions', [
      {
        id: 'week-action',
        text: 'Map our teams onto the four types with the leads',
        source: { kind: 'resource', id: 'week-talk', title: 'Team Topologies in practice' },
        status: 'done',
        outcome: 'Two teams share one backlog; we split it.',
        createdAt: at(1, 11),
        updatedAt: at(4, 16),
        doneAt: at(4, 16),
      },
    ]);
    await library.reload();
    const period = library.locator('#digest-period');
    await period.waitFor();
    await period.selectOption('last-week');
    await library.locator('.digest-preview pre', { hasText: 'Team Topologies in practice' }).waitFor();
    await settle(library);
    // The preview scrolls in the page; the shot shows the whole digest.
    await library.addStyleTag({ content: '.digest-preview{max-height:none!important;overflow:visible!important}' });
    await library.locator('.digest-panel').screenshot({ path: join(outDir, `team-digest-week-${lang}-${scheme}.png`) });
    // Teach it forward beside it: what has something to teach and is not shared, Learned or not.
    await library.locator('.teach-forward .teach-item', { hasText: 'Team Topologies in practice' }).waitFor();
    await library
      .locator('.teach-forward')
      .screenshot({ path: join(outDir, `team-teach-forward-${lang}-${scheme}.png`) });
    // The book's page: its typed quotes with their page and location, and "Add a quote" below.
    await library.goto(extensionUrl(ext, 'library.html#resource/week-book'));
    await library.locator('form.res-quote-add').waitFor();
    await settle(library);
    await wholePageShot(library, join(outDir, `library-resource-book-${lang}-${scheme}.png`));
  } finally {
    await ext.close();
  }
}

it('takes the digest of a week', async () => {
  mkdirSync(outDir, { recursive: true });
  await digestWeekShot('en', 'light');
  await digestWeekShot('sv', 'dark');
});
