import { getDb, type LoopDatabase } from './open';

/**
 * createdAt of the oldest resource or reflection (what a user would hate to lose), null when there
 * is none: two index reads, constant time whatever the library's size, since the popup asks on
 * every open (lib/backup/reminder.ts).
 */
export async function oldestCreatedAt(db?: LoopDatabase): Promise<number | null> {
  const tx = (db ?? (await getDb())).transaction(['resources', 'reflections'], 'readonly');
  const [resource, reflection] = await Promise.all([
    tx.objectStore('resources').index('createdAt').openCursor(),
    tx.objectStore('reflections').index('createdAt').openCursor(),
  ]);
  const times = [resource?.value.createdAt, reflection?.value.createdAt].filter(
    (t): t is number => typeof t === 'number',
  );
  await tx.done;
  return times.length ? Math.min(...times) : null;
}
