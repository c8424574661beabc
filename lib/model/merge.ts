import { diff3Merge } from 'node-diff3';
import { LIMITS, normaliseTags } from '../infra/limits';
import { sortClips } from './clip';
import type { Clip } from './clip';
import { type FieldConflict, withConflict } from './conflict';
import type { Quote } from './quote';
import type { Resource } from './resource';
import type { ResourceBase, ResourcePatch } from './resource-patch';
import type { StoreName, StoreRecord } from './stores';
import type { Takeaway } from './takeaway';
import { cleanTakeaways } from './takeaway';
import { keptBeside, mergeTakeawayLists } from './takeaway-text';

/**
 * The one merge rule of the project, for every place where two writers meet: two tabs, the popup
 * and the library, an import, a sync. An autosaving edit rebases on what is stored (`rebasePatch`),
 * an import merges two copies without a base (`mergeStoredRecord`), a sync three-way with one
 * (`mergeRecords`); all three use the same field rules below. Text merges three-way against the version the writer
 * started from (node-diff3, line by line: a well-kept diff3 rather than a hand-written one); what
 * cannot be merged is kept whole as a conflict version, never dropped or cut. Lists (tags, video
 * moments) merge as sets, three-way, so a removal on one side stays removed.
 */

export interface TextMerge {
  text: string;
  /** The other side's whole text, when both changed the same lines (or together pass the limit). */
  conflict?: string;
}

const lines = (text: string) => text.split('\n');

/**
 * `ours` is what this writer has (the text being typed, or the newer copy in an import);
 * `theirs` what the store holds now. Without a `base` (an import has none), a text that contains
 * the other wins, else both are kept, joined when they fit.
 */
export function mergeText(base: string | undefined, ours: string, theirs: string, limit: number): TextMerge {
  if (ours === theirs || theirs === base || !theirs.trim()) return { text: ours };
  if (ours === base || !ours.trim()) return { text: theirs };
  if (base === undefined) {
    if (ours.includes(theirs.trim())) return { text: ours };
    if (theirs.includes(ours.trim())) return { text: theirs };
    const joined = `${ours}\n\n${theirs}`;
    return joined.length <= limit ? { text: joined } : { text: ours, conflict: theirs };
  }
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs));
  if (regions.some((region) => region.conflict)) return { text: ours, conflict: theirs };
  const merged = regions.flatMap((region) => region.ok ?? []).join('\n');
  return merged.length <= limit ? { text: merged } : { text: ours, conflict: theirs };
}

/**
 * Three-way merge of a list kept as a set: what either side added is in, what either side
 * removed (of what was in `base`) is out. Order: theirs, then what ours added.
 */
export function mergeSet<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string = String,
): T[] {
  const baseKeys = new Set(base.map(key));
  const ourKeys = new Set(ours.map(key));
  const removedByUs = new Set([...baseKeys].filter((k) => !ourKeys.has(k)));
  const kept = theirs.filter((item) => !removedByUs.has(key(item)));
  const keptKeys = new Set(kept.map(key));
  const theirKeys = new Set(theirs.map(key));
  const addedByUs = ours.filter(
    (item) => !baseKeys.has(key(item)) && !keptKeys.has(key(item)) && !theirKeys.has(key(item)),
  );
  return [...kept, ...addedByUs];
}

/** Plain JSON values (what IndexedDB and JSON.parse give back): equal regardless of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = Object.entries(b).filter(([, value]) => value !== undefined);
  if (left.length !== right.length) return false;
  const rightMap = new Map(right);
  return left.every(([key, value]) => rightMap.has(key) && sameValue(value, rightMap.get(key)));
}

/**
 * Texts are never dropped or cut (`mergeText` above, without a base: an import has none): a text that
 * holds the other wins, else both are joined, and where the two together pass the field's limit
 * the loser is kept whole as a conflict version to choose from.
 */
function mergeTexts<T extends { conflicts?: FieldConflict[] }>(
  winner: T,
  loser: T,
  fields: readonly { name: keyof T & string; limit: number }[],
  now: number,
): T {
  const merged = { ...winner };
  let conflicts = mergeConflictLists(winner.conflicts, loser.conflicts);
  for (const { name, limit } of fields) {
    const ours = winner[name];
    const theirs = loser[name];
    if (typeof theirs !== 'string') continue;
    const result = mergeText(undefined, typeof ours === 'string' ? ours : '', theirs, limit);
    (merged as Record<string, unknown>)[name] = result.text;
    if (result.conflict !== undefined) conflicts = withConflict(conflicts, name, result.conflict, now);
  }
  if (conflicts?.length) merged.conflicts = conflicts;
  return merged;
}

function mergeConflictLists(
  a: FieldConflict[] | undefined,
  b: FieldConflict[] | undefined,
): FieldConflict[] | undefined {
  if (!b?.length) return a;
  let out = a ?? [];
  for (const c of b) out = withConflict(out, c.field, c.text, c.at);
  return out;
}

/** How many conflict versions a merge made (texts kept whole beside the field). */
export function countConflicts(
  before: { conflicts?: FieldConflict[] } | undefined,
  after: { conflicts?: FieldConflict[] },
): number {
  return Math.max(0, (after.conflicts?.length ?? 0) - (before?.conflicts?.length ?? 0));
}

/** A record that may carry conflict versions (resources, reflections, actions). */
type Textual = StoreRecord & { conflicts?: FieldConflict[] };

const RESOURCE_TEXTS = [{ name: 'notes', limit: LIMITS.notes }] as const;

const TEXTS: Partial<Record<StoreName, readonly { name: string; limit: number }[]>> = {
  reflections: [{ name: 'answer', limit: LIMITS.answer }],
  actions: [
    { name: 'text', limit: LIMITS.actionText },
    { name: 'outcome', limit: LIMITS.outcome },
  ],
};

/** Every clip of both copies: the winner's version of one both have, the loser's others added. */
function mergeClips(winner: Clip[], loser: Clip[]): Clip[] {
  const seen = new Set(winner.map((clip) => clip.id));
  const extra = loser.filter((clip) => !seen.has(clip.id));
  if (!extra.length) return winner;
  return sortClips([...winner, ...extra]).slice(0, LIMITS.clips);
}

/** Every quote of both copies, as `mergeClips` does; none at all leaves the field out. */
function mergeQuotes(winner: Quote[] | undefined, loser: Quote[] | undefined): Quote[] | undefined {
  const seen = new Set((winner ?? []).map((quote) => quote.id));
  const extra = (loser ?? []).filter((quote) => !seen.has(quote.id));
  if (!extra.length) return winner;
  return [...(winner ?? []), ...extra].sort((a, b) => a.createdAt - b.createdAt).slice(0, LIMITS.quotes);
}

/**
 * One resource from two places. The newer `updatedAt` wins every field, except that notes,
 * takeaways and clips from the other copy are kept. Two records of the same page with
 * different ids (saved on two machines) also pool their tags and shared state.
 */
export function mergeResource(current: Resource, incoming: Resource, now = Date.now()): Resource {
  const incomingWins = incoming.updatedAt > current.updatedAt;
  const [winner, loser] = incomingWins ? [incoming, current] : [current, incoming];
  const samePage = current.id !== incoming.id;
  const texts = mergeTexts(winner, loser, RESOURCE_TEXTS, now);
  const merged: Resource = {
    ...texts,
    id: current.id,
    clips: mergeClips(winner.clips, loser.clips),
    takeaways: mergeTakeawayLists(winner.takeaways, loser.takeaways),
    createdAt: Math.min(current.createdAt, incoming.createdAt),
    updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
  };
  const quotes = mergeQuotes(winner.quotes, loser.quotes);
  if (quotes?.length) merged.quotes = quotes;
  else delete merged.quotes;
  if (samePage) {
    merged.tags = normaliseTags([...winner.tags, ...loser.tags]);
    if (merged.sharedAt === undefined && loser.sharedAt !== undefined) {
      merged.sharedAt = loser.sharedAt;
      if (loser.sharedHow) merged.sharedHow = loser.sharedHow;
    }
  }
  return merged;
}

/**
 * Two copies of one record with no common version (an import, a sync that lost the base): the
 * newer copy wins every field but the texts written by people, which merge, so the answer or
 * outcome written here survives an older or newer copy. Resources by `mergeResource`.
 */
export function mergeStoredRecord(
  store: StoreName,
  here: StoreRecord,
  incoming: StoreRecord,
  now = Date.now(),
): StoreRecord {
  if (store === 'resources') return mergeResource(here as Resource, incoming as Resource, now);
  const fields = TEXTS[store];
  const incomingWins = incoming.updatedAt > here.updatedAt;
  const [winner, loser] = (incomingWins ? [incoming, here] : [here, incoming]) as [Textual, Textual];
  const merged: Textual = fields
    ? mergeTexts(winner, loser, fields as { name: keyof Textual & string; limit: number }[], now)
    : winner;
  return { ...merged, updatedAt: Math.max(here.updatedAt, incoming.updatedAt) } as StoreRecord;
}

/**
 * Two devices changed one record since the version both had (`base`): the one merge rule,
 * record by record. A field only one side changed takes that change; the
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

/** Edits of takeaways that merge with another writer's. */

/**
 * One takeaway edited here from `baseText` while the store holds `list`: merged three-way with
 * what another writer made of it meanwhile. Both changed the same words: this edit stays in the
 * item and the other text becomes a takeaway of its own, right after it. An item deleted
 * elsewhere comes back with the edit: typing is never lost.
 */
export function editTakeawayIn(
  list: readonly Takeaway[],
  id: string,
  text: string,
  baseText: string,
  now = Date.now(),
): Takeaway[] {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return text.trim() ? [...list, { id, text, createdAt: now }] : [...list];
  const current = list[index]!;
  const merged = mergeText(baseText, text, current.text, LIMITS.takeaway);
  const edited = { ...current, text: merged.text };
  const out = [...list];
  out.splice(index, 1, edited, ...(merged.conflict?.trim() ? [keptBeside(current, merged.conflict)] : []));
  return out;
}

/**
 * Three-way merge of an edit of the whole list (`ours`, from `base`) with what is stored
 * (`theirs`): added and removed items as a set, each item's text three-way.
 */
export function rebaseTakeaways(
  base: readonly Takeaway[],
  ours: readonly Takeaway[],
  theirs: readonly Takeaway[],
): Takeaway[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const oursById = new Map(ours.map((item) => [item.id, item]));
  let out: Takeaway[] = [];
  for (const item of theirs) {
    const mine = oursById.get(item.id);
    const before = baseById.get(item.id);
    // Removed here and not changed there: stays removed.
    if (!mine && before && before.text === item.text) continue;
    out.push(item);
    if (mine && mine.text !== item.text) out = editTakeawayIn(out, item.id, mine.text, before?.text ?? item.text);
  }
  const theirIds = new Set(theirs.map((item) => item.id));
  for (const item of ours) if (!theirIds.has(item.id) && !baseById.has(item.id)) out.push(item);
  return cleanTakeaways(out);
}

// A clip edited here and elsewhere keeps both versions; one removed on one side stays removed.
const clipKey = (clip: Clip) => JSON.stringify([clip.id, clip.atSec, clip.endSec, clip.note, clip.chapter]);
// A quote's location is part of it: a page number corrected here and a note edited there keep both versions.
const quoteKey = (quote: Quote) =>
  JSON.stringify([quote.id, quote.exact, quote.note, quote.location?.page ?? '', quote.location?.loc ?? '']);

/**
 * An edit made against `base`, applied to what is stored now (`current`): where another writer
 * changed a field meanwhile, the two merge by the rule above. A text both
 * changed on the same lines keeps the edit in the field and the other text as a conflict version.
 */
export function rebasePatch(current: Resource, patch: ResourcePatch, base: ResourceBase, now: number): ResourcePatch {
  const next: ResourcePatch = { ...patch };
  let conflicts = current.conflicts;
  for (const field of ['notes'] as const) {
    const ours = patch[field];
    if (ours === undefined || base[field] === undefined) continue;
    const merged = mergeText(base[field], ours, current[field], LIMITS[field]);
    next[field] = merged.text;
    if (merged.conflict !== undefined) conflicts = withConflict(conflicts, field, merged.conflict, now);
  }
  if (patch.takeaways && base.takeaways)
    next.takeaways = rebaseTakeaways(base.takeaways, patch.takeaways, current.takeaways);
  if (patch.tags && base.tags) next.tags = mergeSet(normaliseTags(base.tags), normaliseTags(patch.tags), current.tags);
  if (patch.clips && base.clips) next.clips = mergeSet(base.clips, patch.clips, current.clips, clipKey);
  if (patch.quotes && base.quotes) next.quotes = mergeSet(base.quotes, patch.quotes, current.quotes ?? [], quoteKey);
  if (conflicts !== current.conflicts && patch.conflicts === undefined && conflicts) next.conflicts = conflicts;
  return next;
}
