import { STORE_NAMES, type StoredRecords, type StoreName } from '../model/stores';
import { getDb, type LoopDatabase } from './open';

/* What a backup reads of the user's stores (lib/backup/export.ts, the import's confirmation). */

/** Every store, read in one transaction so the file is one consistent moment. */
export async function readAllRecords(db?: LoopDatabase): Promise<StoredRecords> {
  const database = db ?? (await getDb());
  const tx = database.transaction([...STORE_NAMES], 'readonly');
  const [resources, reflections, prompts, actions, assessments, reviews] = await Promise.all([
    tx.objectStore('resources').getAll(),
    tx.objectStore('reflections').getAll(),
    tx.objectStore('prompts').getAll(),
    tx.objectStore('actions').getAll(),
    tx.objectStore('assessments').getAll(),
    tx.objectStore('reviews').getAll(),
  ]);
  await tx.done;
  return { resources, reflections, prompts, actions, assessments, reviews };
}

/** How many records the library holds now, per store (for the replace confirmation). */
export async function countStored(db?: LoopDatabase): Promise<Record<StoreName, number>> {
  const database = db ?? (await getDb());
  const tx = database.transaction([...STORE_NAMES], 'readonly');
  const counts = await Promise.all(STORE_NAMES.map((store) => tx.objectStore(store).count()));
  await tx.done;
  return Object.fromEntries(STORE_NAMES.map((store, i) => [store, counts[i]!])) as Record<StoreName, number>;
}
