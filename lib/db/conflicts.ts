import type { FieldConflict } from '../model/conflict';
import { getDb, type LoopDatabase } from './open';
import type { Action } from '../model/action';
import type { Reflection } from '../model/reflection';

const TEXT_FIELDS = { reflections: ['answer'], actions: ['text', 'outcome'] } as const;

const same = (a: FieldConflict, b: FieldConflict) => a.field === b.field && a.text === b.text && a.at === b.at;

/**
 * The user chose between a record's text and a conflict version kept beside it: take the version
 * (`useIt`) or keep the text; either way the version is resolved. One transaction.
 */
export async function chooseConflict(
  store: keyof typeof TEXT_FIELDS,
  id: string,
  conflict: FieldConflict,
  useIt: boolean,
  now: number,
  db?: LoopDatabase,
): Promise<Reflection | Action | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction(store, 'readwrite');
  const current = (await tx.store.get(id)) as (Reflection | Action) | undefined;
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = { ...current, updatedAt: Math.max(now, current.updatedAt + 1) } as Reflection | Action;
  const fields: readonly string[] = TEXT_FIELDS[store];
  if (useIt && fields.includes(conflict.field)) Object.assign(next, { [conflict.field]: conflict.text });
  const rest = (current.conflicts ?? []).filter((c) => !same(c, conflict));
  if (rest.length) next.conflicts = rest;
  else delete next.conflicts;
  await tx.store.put(next as never);
  await tx.done;
  return next;
}
