import { LIMITS } from '../limits';
import { mergeText } from '../merge';
import type { Takeaway } from '../db/types';
import { cleanTakeaways } from './clean';
import { keptBeside } from './items';

/** Edits that merge with another writer's (lib/merge.ts), apart so a page that only reads loads no diff3. */

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
