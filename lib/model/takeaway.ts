import { LIMITS } from '../infra/limits';

/**
 * One thing the user took away from a resource: a line they wrote, with an id that stays when
 * the text is edited, so a review card and an action made from it keep pointing at it.
 */
export interface Takeaway {
  id: string;
  text: string;
  createdAt: number;
}

// Apart from items.ts so a write, which only cleans what it stores, loads none of the text
// splitting and the old format's conversions (a background wake for a quote or a clip).

/** As stored: text trimmed at the ends and capped, no empty item, one per id, at most the limit. */
export function cleanTakeaways(list: readonly Takeaway[]): Takeaway[] {
  const seen = new Set<string>();
  const out: Takeaway[] = [];
  for (const item of list) {
    const text = item.text.trim().slice(0, LIMITS.takeaway);
    if (!text || seen.has(item.id)) continue;
    seen.add(item.id);
    out.push({ id: item.id, text, createdAt: item.createdAt });
  }
  return out.slice(0, LIMITS.takeawayItems);
}
