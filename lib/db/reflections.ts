import { newId } from '../infra/ids';
import { capLine, capText, LIMITS } from '../infra/limits';
import { getDb, type LoopDatabase } from './open';
import type { Reflection } from '../model/reflection';

export interface NewReflection {
  promptId: string;
  promptText: string;
  answer: string;
  resourceId?: string;
  resourceTitle?: string;
}

/** A reflection from what the user typed: capped, with empty optional fields left out. */
export function makeReflection(input: NewReflection, now: number): Reflection {
  const reflection: Reflection = {
    id: newId(),
    promptId: capLine(input.promptId, 200),
    promptText: capLine(input.promptText, LIMITS.promptText),
    answer: capText(input.answer.trim(), LIMITS.answer),
    createdAt: now,
    updatedAt: now,
  };
  if (input.resourceId) reflection.resourceId = input.resourceId;
  const title = capLine(input.resourceTitle, LIMITS.title);
  if (title) reflection.resourceTitle = title;
  return reflection;
}

export async function addReflection(input: NewReflection, now = Date.now(), db?: LoopDatabase): Promise<Reflection> {
  const reflection = makeReflection(input, now);
  await (db ?? (await getDb())).put('reflections', reflection);
  return reflection;
}

export async function getReflection(id: string, db?: LoopDatabase): Promise<Reflection | undefined> {
  return (db ?? (await getDb())).get('reflections', id);
}

/** Every reflection, newest first (a journal is read a few hundred at a time at most). */
export async function listReflections(db?: LoopDatabase): Promise<Reflection[]> {
  const all = await (db ?? (await getDb())).getAllFromIndex('reflections', 'createdAt');
  return all.reverse();
}

/** The reflections about one resource (the resourceId index), newest first. */
export async function reflectionsAbout(resourceId: string, db?: LoopDatabase): Promise<Reflection[]> {
  const list = await (db ?? (await getDb())).getAllFromIndex('reflections', 'resourceId', resourceId);
  return list.sort((a, b) => b.createdAt - a.createdAt);
}

/** How many reflections there are (a count, nothing read). */
export async function countReflections(db?: LoopDatabase): Promise<number> {
  return (db ?? (await getDb())).count('reflections');
}

/** Reflections written at or after `since`, newest first, through the createdAt index. */
export async function reflectionsSince(since: number, db?: LoopDatabase): Promise<Reflection[]> {
  const all = await (db ?? (await getDb())).getAllFromIndex('reflections', 'createdAt', IDBKeyRange.lowerBound(since));
  return all.reverse();
}

export async function updateReflectionAnswer(
  id: string,
  answer: string,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<Reflection | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('reflections', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next: Reflection = {
    ...current,
    answer: capText(answer.trim(), LIMITS.answer),
    updatedAt: Math.max(now, current.updatedAt + 1),
  };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Deletes and returns what was deleted, so the caller can offer undo. */
export async function deleteReflection(id: string, db?: LoopDatabase): Promise<Reflection | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('reflections', 'readwrite');
  const current = await tx.store.get(id);
  if (current) await tx.store.delete(id);
  await tx.done;
  return current;
}

export async function restoreReflection(reflection: Reflection, db?: LoopDatabase): Promise<void> {
  await (db ?? (await getDb())).put('reflections', reflection);
}
