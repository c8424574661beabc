import { capLine } from '../infra/limits';
import type { TeamNews } from '../settings';
import type { SharedItem } from './documents';
import type { ReactionKind, TeamReaction } from './reactions';

/**
 * What teammates did with what was shared, worked out from the team space as this browser holds
 * it: reactions grouped by their item (those whose item is no longer shared left out and counted),
 * the news for an author (reactions to their items since they last looked), and the month's team
 * figures (what was shared, what was tried and by how many; no one ranked).
 */

/** Reactions by the id of the item they are about; `orphans`, those whose item is not shared (now). */
export function groupReactions(
  items: readonly SharedItem[],
  reactions: readonly TeamReaction[],
): { byItem: Record<string, TeamReaction[]>; orphans: number } {
  const shared = new Set(items.map((item) => item._id));
  const byItem: Record<string, TeamReaction[]> = {};
  let orphans = 0;
  for (const reaction of reactions) {
    if (!shared.has(reaction.item)) {
      orphans++;
      continue;
    }
    const list = byItem[reaction.item] ?? [];
    list.push(reaction);
    byItem[reaction.item] = list;
  }
  for (const list of Object.values(byItem)) list.sort((a, b) => a.at - b.at || a._id.localeCompare(b._id));
  return { byItem, orphans };
}

/** The most lines the news keeps: the popup shows a few, the rest are counted. */
export const NEWS_LINES = 10;
/** A line's words (a comment, an effect) as the news keeps them: the popup shows one line each. */
export const NEWS_TEXT = 200;
/** A name and a title in the news: short, as everywhere a teammate's words are drawn. */
export const NEWS_NAME = 50;
export const NEWS_TITLE = 120;

export type { TeamNews };

export const NO_TEAM_NEWS: TeamNews = { thanked: 0, trying: 0, tried: 0, comments: 0, lines: [], latestAt: 0 };

/**
 * Reactions by others to `me`'s shared items newer than `seenAt`, newest first, bounded: distinct
 * teammates per kind, and at most NEWS_LINES lines of capped text. A reaction is news once.
 */
export function newsFor(
  me: string,
  items: readonly SharedItem[],
  byItem: Readonly<Record<string, readonly TeamReaction[]>>,
  seenAt: number,
): TeamNews {
  const fresh: { reaction: TeamReaction; title: string }[] = [];
  for (const item of items) {
    if (item.author !== me) continue;
    for (const reaction of byItem[item._id] ?? [])
      if (reaction.author !== me && reaction.at > seenAt) fresh.push({ reaction, title: item.title });
  }
  fresh.sort((a, b) => b.reaction.at - a.reaction.at);
  const who = (kind: ReactionKind) =>
    new Set(fresh.filter((f) => f.reaction.kind === kind).map((f) => f.reaction.author)).size;
  return {
    thanked: who('thanks'),
    trying: who('trying'),
    tried: who('tried'),
    comments: fresh.filter((f) => f.reaction.kind === 'comment').length,
    lines: fresh.slice(0, NEWS_LINES).map(({ reaction, title }) => {
      const words = reaction.kind === 'comment' ? reaction.text : reaction.effect;
      return {
        who: capLine(reaction.author, NEWS_NAME),
        kind: reaction.kind,
        title: capLine(title, NEWS_TITLE),
        ...(words ? { text: capLine(words, NEWS_TEXT) } : {}),
        at: reaction.at,
      };
    }),
    latestAt: fresh[0]?.reaction.at ?? 0,
  };
}

export interface TeamMonth {
  /** Items shared (their sharing day) in the month. */
  shared: number;
  /** Of all shared items, those someone said this month they tried; and how many people tried them. */
  triedItems: number;
  triedBy: number;
  /** Those someone started trying this month. */
  tryingItems: number;
  /** Thanks and comments given this month. */
  thanks: number;
  comments: number;
}

/** The team's month, from `start` (inclusive) to `end` (exclusive): counts, never names. */
export function teamMonth(
  items: readonly SharedItem[],
  byItem: Readonly<Record<string, readonly TeamReaction[]>>,
  start: number,
  end: number,
): TeamMonth {
  const inMonth = (at: number) => at >= start && at < end;
  const reactions = Object.values(byItem)
    .flat()
    .filter((r) => inMonth(r.at));
  const tried = reactions.filter((r) => r.kind === 'tried');
  return {
    shared: items.filter((item) => inMonth(item.sharedAt)).length,
    triedItems: new Set(tried.map((r) => r.item)).size,
    triedBy: new Set(tried.map((r) => r.author)).size,
    tryingItems: new Set(reactions.filter((r) => r.kind === 'trying').map((r) => r.item)).size,
    thanks: reactions.filter((r) => r.kind === 'thanks').length,
    comments: reactions.filter((r) => r.kind === 'comment').length,
  };
}

/** The most items the digest's team line is given. */
export const TRIED_ITEMS = 20;

/**
 * Items someone told the team they tried between `start` and `end`, with who, the earliest first:
 * titles and names only (a teammate's words on the effect stay in the team space).
 */
export function triedBetween(
  items: readonly SharedItem[],
  byItem: Readonly<Record<string, readonly TeamReaction[]>>,
  start: number,
  end: number,
): { title: string; who: string[] }[] {
  const out: { title: string; who: string[]; first: number }[] = [];
  for (const item of items) {
    const tried = (byItem[item._id] ?? []).filter((r) => r.kind === 'tried' && r.at >= start && r.at < end);
    if (!tried.length) continue;
    out.push({
      title: capLine(item.title, NEWS_TITLE),
      who: [...new Set(tried.map((r) => capLine(r.author, NEWS_NAME)))],
      first: Math.min(...tried.map((r) => r.at)),
    });
  }
  return out
    .sort((a, b) => a.first - b.first)
    .slice(0, TRIED_ITEMS)
    .map(({ title, who }) => ({ title, who }));
}
