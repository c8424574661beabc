import { demoData } from '../../scripts/demo-data';
import { upgradeRecord } from '../../lib/model/schemas';
import type { Resource } from '../../lib/model/resource';
import { missingReviewCards } from '../../lib/model/review-card';
import { extensionUrl, type Launched } from './harness';

/** The demo video's resource id (its page is the README's resource screenshot). */
export const DEMO_VIDEO = 'demo-aBcDeFgHiJk';

/**
 * The demo data is written in export format 1's shapes; the database holds today's. Read it the
 * way an import of such a file does (moments become clips, takeaways items), with review cards.
 */
export function demoRecords(now: number) {
  const data = demoData(now);
  const resources = data.resources.map((record) => upgradeRecord('resources', record, 1) as Resource);
  return { ...data, resources, reviews: missingReviewCards(resources, new Map(), now) };
}

/** A learner's first month, written straight into the extension's database. */
export async function seedDemo(launched: Launched): Promise<void> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'library.html'));
  await page.waitForSelector('#main');
  await page.evaluate(async (data) => {
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
  }, demoRecords(Date.now()));
  await page.close();
}
