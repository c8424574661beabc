import { diff3Merge } from 'node-diff3';

/**
 * The one merge rule of the project, for every place where two writers meet: two tabs, the popup
 * and the library, an import, later a sync. Text merges three-way against the version the writer
 * started from (node-diff3, line by line: a well-kept diff3 rather than a hand-written one); what
 * cannot be merged is kept whole as a conflict version, never dropped or cut. Lists (tags, video
 * moments) merge as sets, three-way, so a removal on one side stays removed.
 */

/** A text another writer wrote that could not be merged into the field: shown with one click to choose. */
export interface FieldConflict {
  field: string;
  text: string;
  at: number;
}

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

const MAX_CONFLICTS = 20;

/** Add a conflict version unless that text is already kept for the field. */
export function withConflict(
  conflicts: readonly FieldConflict[] | undefined,
  field: string,
  text: string,
  at: number,
): FieldConflict[] {
  const list = conflicts ?? [];
  if (list.some((c) => c.field === field && c.text === text)) return [...list];
  return [...list, { field, text, at }].slice(-MAX_CONFLICTS);
}
