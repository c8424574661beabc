import { contentHash, newId } from '../infra/ids';
import { LIMITS } from '../infra/limits';
import type { Resource } from './resource';
import type { Takeaway } from './takeaway';

/**
 * Takeaways are items: one per line or bullet, each with an id that stays when its text is
 * edited (a review card and an action point at it). Databases before version 6 and export files
 * before version 4 kept them as one text; `takeawaysFromText` turns that into items with ids made
 * from the text, so the upgrade and an old export of the same library agree.
 */

const BULLET = /^\s*(?:[-*•–]|\d{1,3}[.)])\s+/;

/** A line or a bullet with the lines that continue it, markers stripped, empty lines dropped. */
export function splitTakeawayText(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const bulleted = lines.some((line) => BULLET.test(line));
  const out: string[] = [];
  let continuing = false;
  for (const raw of lines) {
    if (!raw.trim()) {
      continuing = false;
      continue;
    }
    const isBullet = BULLET.test(raw);
    const line = raw.replace(BULLET, '').trim();
    if (!line) continue;
    // In a bulleted list, a plain line under a bullet is the rest of that bullet.
    if (bulleted && !isBullet && continuing && out.length) out[out.length - 1] += `\n${line}`;
    else out.push(line);
    continuing = bulleted;
  }
  return out.flatMap((item) => chunk(item, LIMITS.takeaway));
}

/** A text longer than one takeaway may be is kept whole, in pieces cut at a space. */
function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut--;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** The id an old text's item gets: the same text (and which repeat of it) always the same id. */
export function takeawayIdFor(text: string, occurrence: number): string {
  return `k${contentHash(text)}${occurrence ? `-${occurrence}` : ''}`;
}

/** An old one-text field as items (the database upgrade and an old export agree on the ids). */
export function takeawaysFromText(text: string, createdAt: number): Takeaway[] {
  const seen = new Map<string, number>();
  return splitTakeawayText(text)
    .slice(0, LIMITS.takeawayItems)
    .map((line) => {
      const occurrence = seen.get(line) ?? 0;
      seen.set(line, occurrence + 1);
      return { id: takeawayIdFor(line, occurrence), text: line, createdAt };
    });
}

/** New takeaways the user wrote (one per line or bullet of what was typed or pasted). */
export function newTakeaways(text: string, now: number): Takeaway[] {
  return splitTakeawayText(text).map((line) => ({ id: newId(), text: line, createdAt: now }));
}

/** All takeaways as one text, a line each (search, CSV). */
export function takeawaysText(list: readonly Takeaway[] | undefined): string {
  return (list ?? []).map((item) => item.text).join('\n');
}

/** The other writer's version of an item both changed: kept beside it with an id of its own. */
export function keptBeside(item: Takeaway, text: string): Takeaway {
  return { id: `${item.id}~${contentHash(text)}`, text, createdAt: item.createdAt };
}

/**
 * Two copies of a resource's takeaways (an import): every item of both. One both have with
 * different texts keeps the winner's, or the text that contains the other; else both.
 */
export function mergeTakeawayLists(winner: readonly Takeaway[], loser: readonly Takeaway[]): Takeaway[] {
  const byId = new Map(winner.map((item) => [item.id, item]));
  const out = [...winner];
  for (const item of loser) {
    const mine = byId.get(item.id);
    if (!mine) {
      out.push(item);
      byId.set(item.id, item);
      continue;
    }
    if (mine.text === item.text || mine.text.includes(item.text)) continue;
    const index = out.indexOf(mine);
    if (item.text.includes(mine.text)) out[index] = { ...mine, text: item.text };
    else if (!byId.has(keptBeside(mine, item.text).id)) out.splice(index + 1, 0, keptBeside(mine, item.text));
  }
  return out.slice(0, LIMITS.takeawayItems);
}

/** A resource of database version 5 or before (takeaways one text) as version 6 stores it. */
export function takeawaysAsItems(record: Resource & { takeaways: unknown }): Resource {
  if (Array.isArray(record.takeaways)) return record;
  const text = typeof record.takeaways === 'string' ? record.takeaways : '';
  const conflicts = record.conflicts?.filter((conflict) => conflict.field === 'takeaways') ?? [];
  const items = mergeTakeawayLists(
    takeawaysFromText(text, record.createdAt),
    conflicts.flatMap((conflict) => takeawaysFromText(conflict.text, conflict.at)),
  );
  const next: Resource = { ...record, takeaways: items };
  const others = record.conflicts?.filter((conflict) => conflict.field !== 'takeaways');
  if (others?.length) next.conflicts = others;
  else delete next.conflicts;
  return next;
}
