import { mergeResource, mergeStoredRecord, sameValue } from '../backup/merge';
import type { SyncRules } from '../db/sync';
import type { StoreRecord } from '../backup/format';
import type { StoreName } from '../db/types';
import { LIMITS } from '../limits';
import { type FieldConflict, mergeSet, mergeText, withConflict } from '../merge';
import { keptBeside } from '../takeaways/items';

/**
 * Two devices changed one record since the version both had (`base`): the project's one merge
 * rule (lib/merge.ts), record by record. A field only one side changed takes that change; the
 * texts people write merge line by line, and where both changed the same lines the field keeps
 * `ours` and the other text is kept whole as a conflict version ("also edited on another
 * device", one click to choose). Lists of items (clips, quotes, takeaways) and tags merge as sets
 * three-way, so a removal on either side stays removed. Everything else, where both changed it,
 * goes to the side with the newer `updatedAt` (clocks differ between devices, so that only breaks
 * ties: the conflict itself was found from CouchDB's revisions). Without a base it is the import's
 * two-way rule, which never drops a text either.
 *
 * `ours` and `theirs` are ordered the same way on every device (CouchDB's winning revision
 * first), so two devices resolving one conflict write the same record.
 */
export function mergeRecords(
  store: StoreName,
  base: StoreRecord | undefined,
  ours: StoreRecord,
  theirs: StoreRecord,
  now: number,
): StoreRecord {
  if (sameValue(ours, theirs)) return ours;
  if (!base) return mergeStoredRecord(store, ours, theirs, now);
  if (sameValue(ours, base)) return theirs;
  if (sameValue(theirs, base)) return ours;
  const b = base as unknown as Record<string, unknown>;
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const newer = theirs.updatedAt > ours.updatedAt ? t : o;
  const out: Record<string, unknown> = {};
  let conflicts: FieldConflict[] | undefined = mergeConflicts(
    b.conflicts as FieldConflict[] | undefined,
    o.conflicts as FieldConflict[] | undefined,
    t.conflicts as FieldConflict[] | undefined,
  );
  const keys = new Set([...Object.keys(o), ...Object.keys(t)]);
  keys.delete('conflicts');
  for (const key of keys) {
    const baseValue = b[key];
    const ourValue = o[key];
    const theirValue = t[key];
    let value: unknown;
    if (sameValue(ourValue, theirValue)) value = ourValue;
    else if (sameValue(ourValue, baseValue)) value = theirValue;
    else if (sameValue(theirValue, baseValue)) value = ourValue;
    else if (key === 'updatedAt') value = Math.max(ours.updatedAt, theirs.updatedAt);
    else if (key === 'createdAt') value = Math.min(Number(ourValue), Number(theirValue));
    else if (
      TEXT_FIELDS[store]?.[key] !== undefined &&
      typeof ourValue === 'string' &&
      typeof theirValue === 'string'
    ) {
      const merged = mergeText(
        typeof baseValue === 'string' ? baseValue : '',
        ourValue,
        theirValue,
        TEXT_FIELDS[store]![key]!,
      );
      value = merged.text;
      if (merged.conflict !== undefined) conflicts = withConflict(conflicts, key, merged.conflict, now);
    } else if (key === 'tags' && Array.isArray(ourValue) && Array.isArray(theirValue)) {
      value = mergeSet(asList(baseValue), ourValue as string[], theirValue as string[]).slice(0, LIMITS.tags);
    } else if (ITEM_LISTS.has(key) && Array.isArray(ourValue) && Array.isArray(theirValue)) {
      value = mergeItems(key, asList(baseValue) as Item[], ourValue as Item[], theirValue as Item[]);
      if ((value as Item[]).length === 0 && key === 'quotes') value = undefined;
    } else value = newer[key];
    if (value !== undefined) out[key] = value;
  }
  if (conflicts?.length) out.conflicts = conflicts;
  return out as unknown as StoreRecord;
}

/** The texts people write, per store, with their limits: these merge line by line. */
const TEXT_FIELDS: Partial<Record<StoreName, Record<string, number>>> = {
  resources: { notes: LIMITS.notes },
  reflections: { answer: LIMITS.answer },
  actions: { text: LIMITS.actionText, outcome: LIMITS.outcome },
  assessments: { note: LIMITS.notes },
};

const ITEM_LISTS = new Set(['clips', 'quotes', 'takeaways']);

interface Item {
  id: string;
  createdAt?: number;
  text?: string;
  note?: string;
  atSec?: number;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function mergeConflicts(
  base: FieldConflict[] | undefined,
  ours: FieldConflict[] | undefined,
  theirs: FieldConflict[] | undefined,
): FieldConflict[] | undefined {
  const key = (c: FieldConflict) => `${c.field}\u0000${c.text}`;
  const merged = mergeSet(base ?? [], ours ?? [], theirs ?? [], key);
  return merged.length ? merged : undefined;
}

/**
 * Items by id, three-way: added on either side is in, removed on either side is out. An item
 * both sides changed keeps ours; a takeaway's other text stays beside it as an item of its own
 * (as an edit in two tabs does), a clip's or quote's other note joins it, so no words are lost.
 */
function mergeItems(key: string, base: Item[], ours: Item[], theirs: Item[]): Item[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const theirById = new Map(theirs.map((item) => [item.id, item]));
  const ourById = new Map(ours.map((item) => [item.id, item]));
  const members = mergeSet(base, ours, theirs, (item) => item.id);
  const out: Item[] = [];
  for (const member of members) {
    const mine = ourById.get(member.id);
    const other = theirById.get(member.id);
    const was = baseById.get(member.id);
    if (!mine || !other || sameValue(mine, other)) {
      out.push(mine ?? member);
      continue;
    }
    if (was && sameValue(mine, was)) out.push(other);
    else if (was && sameValue(other, was)) out.push(mine);
    else if (key === 'takeaways' && typeof other.text === 'string' && other.text !== mine.text) {
      out.push(mine);
      const beside = keptBeside(mine as never, other.text);
      if (!out.some((item) => item.id === beside.id) && !ourById.has(beside.id)) out.push(beside);
    } else if (typeof mine.note === 'string' && typeof other.note === 'string' && mine.note !== other.note) {
      const note = mergeText(
        was?.note ?? '',
        mine.note,
        other.note,
        key === 'clips' ? LIMITS.clipNote : LIMITS.quoteNote,
      );
      const joined = note.conflict === undefined ? note.text : `${note.text}\n\n${note.conflict}`;
      out.push({ ...mine, note: joined.slice(0, key === 'clips' ? LIMITS.clipNote : LIMITS.quoteNote) });
    } else out.push(mine);
  }
  if (key === 'clips') out.sort((a, b) => (a.atSec ?? 0) - (b.atSec ?? 0) || a.id.localeCompare(b.id));
  const limit = key === 'clips' ? LIMITS.clips : key === 'quotes' ? LIMITS.quotes : LIMITS.takeawayItems;
  return out.slice(0, limit);
}

/** The rules the library's sync write (lib/db/sync.ts) merges by. */
export function syncRules(now: () => number): SyncRules {
  return {
    merge: (store, base, ours, theirs) => mergeRecords(store, base, ours, theirs, now()),
    mergeSamePage: (here, other) => mergeResource(here, other, now()),
    same: sameValue,
  };
}
