import type { Action } from '../model/action';
import type { Resource } from '../model/resource';
import { getDb, type LoopDatabase } from './open';

/* What the team digest and "Teach it forward" read (lib/share/digest.ts), through the indexes. */

/** Every resource marked learned (the status index). */
export async function learnedResources(db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'status', 'learned');
}

/** Whether anything is marked learned at all (a count over the status index). */
export async function anythingLearned(db?: LoopDatabase): Promise<boolean> {
  return (await (db ?? (await getDb())).countFromIndex('resources', 'status', 'learned')) > 0;
}

/** Resources shared with the team from `start` up to (not including) `end`, through the sharedAt index. */
export async function resourcesSharedBetween(start: number, end: number, db?: LoopDatabase): Promise<Resource[]> {
  return (db ?? (await getDb())).getAllFromIndex('resources', 'sharedAt', IDBKeyRange.bound(start, end, false, true));
}

/** Every action, in the store's order (actions are few). */
export async function allActions(db?: LoopDatabase): Promise<Action[]> {
  return (db ?? (await getDb())).getAll('actions');
}
