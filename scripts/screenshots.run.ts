// Takes the README's screenshots from the built e2e copy of the extension with demo data.
// Run with `npm run screenshots`; SHOTS_DIR=/tmp/x writes every view in both themes and
// languages there for review instead of the README's set in docs/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import {
  articleFixture,
  extensionUrl,
  launch,
  openPopup,
  serve,
  tabIdFor,
  type Launched,
  ROOT,
} from '../tests/e2e/harness';
import { TALK_A, watchPage } from '../tests/e2e/pages/youtube';
import { demoData } from './demo-data';
import { upgradeRecord } from '../lib/backup/schema';
import type { Resource } from '../lib/db/types';
import { missingReviewCards } from '../lib/review/card';

const review = Boolean(process.env.SHOTS_DIR);
const outDir = process.env.SHOTS_DIR ?? join(ROOT, 'docs/screenshots');

/**
 * The demo data is written in export format 1's shapes; the database holds today's. Read it the
 * way an import of such a file does (moments become clips, takeaways items), with review cards.
 */
function currentShape(data: ReturnType<typeof demoData>) {
  const resources = data.resources.map((record) => upgradeRecord('resources', record, 1) as Resource);
  return { ...data, resources, reviews: missingReviewCards(resources, new Map(), Date.now()) };
}

async function seed(ext: Launched): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, 'library.html'));
  await page.waitForSelector('#main');
  await page.evaluate(
    async (data) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('learning-loop');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = ['resources', 'reflections', 'actions', 'assessments', 'reviews'] as const;
      const tx = db.transaction([...stores], 'readwrite');
      for (const store of stores) for (const record of data[store] as object[]) tx.objectStore(store).put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    currentShape(demoData(Date.now())),
  );
  await page.close();
}

const VIEWS = [
  'resources',
  'resource/demo-aBcDeFgHiJk',
  'review',
  'journal',
  'actions',
  'team',
  'assessment',
  'settings',
  'welcome',
];

async function shoot(lang: 'en' | 'sv', scheme: 'light' | 'dark'): Promise<void> {
  const ext = await launch({ colorScheme: scheme, lang: lang === 'sv' ? 'sv' : 'en-GB' });
  try {
    await seed(ext);
    const suffix = `${lang}-${scheme}`;
    await serve(ext.context, /^https:\/\/www\.youtube\.com\/watch/, watchPage(TALK_A, 754));
    await serve(ext.context, 'https://arstechnica.com/science/2015/07/some-article/', articleFixture('ars-1'));
    const url = `https://www.youtube.com/watch?v=${TALK_A.id}`;
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const popup = await openPopup(ext, await tabIdFor(ext, url));
    await popup.waitForSelector('.recent li');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(outDir, `popup-${suffix}.png`), fullPage: true });

    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 1200, height: 800 });
    for (const view of review
      ? VIEWS
      : ['resources', 'resource/demo-aBcDeFgHiJk', 'review', 'journal', 'team', 'assessment']) {
      await library.goto(extensionUrl(ext, `library.html#${view}`));
      await library.waitForTimeout(600);
      await library.screenshot({
        path: join(outDir, `library-${view.replace(/\/.*/, '')}-${suffix}.png`),
        fullPage: !review,
      });
    }
  } finally {
    await ext.close();
  }
}

it('takes the screenshots', async () => {
  mkdirSync(outDir, { recursive: true });
  const runs: ['en' | 'sv', 'light' | 'dark'][] = review
    ? [
        ['en', 'light'],
        ['en', 'dark'],
        ['sv', 'light'],
        ['sv', 'dark'],
      ]
    : [
        ['en', 'light'],
        ['sv', 'dark'],
      ];
  for (const [lang, scheme] of runs) await shoot(lang, scheme);
});
