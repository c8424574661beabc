import * as v from 'valibot';
import { CONDITION_IDS } from '../model/assessment';
import type { Assessment } from '../model/assessment';
import type { QuoteLocation } from '../model/quote';
import type { Resource, SharedHow } from '../model/resource';
import { isWebUrl, LIMITS } from '../infra/limits';
import { isRecordTime } from '../infra/time';
import {
  clipBound,
  clipInBounds,
  TEAM_CAPS,
  TEAM_LISTS,
  type TeamList,
  type TeamRefusal,
  teamCapProblem,
  teamDocBytes,
  teamDocChars,
} from './bounds';
import { checkReaction, type TeamReaction } from './reactions';

/**
 * The team space's documents (a team database every member replicates whole): what a member
 * published (`shared/<author>/<resource id>`), each member's latest shared monthly check
 * (`check/<author>`) and reactions to published items (`reaction/<author>/…`,
 * lib/team/reactions.ts). Each carries its author, and the database's validation document
 * (team/validate_doc_update.js) refuses a write by anyone else. What a member publishes is
 * what they chose: the link and what it is, who shared it, how and when, and (a checkbox each)
 * takeaways, quotes and clips. Notes, the journal, actions and "with whom" never go.
 */

export interface TeamInclude {
  takeaways: boolean;
  quotes: boolean;
  clips: boolean;
}

export interface SharedItem {
  _id: string;
  _rev?: string;
  type: 'shared';
  author: string;
  resourceId: string;
  kind: Resource['kind'];
  title: string;
  url?: string;
  site?: string;
  creator?: string;
  activityType?: string;
  happenedOn?: string;
  durationSec?: number;
  sharedAt: number;
  sharedHow?: SharedHow;
  publishedAt: number;
  takeaways?: string[];
  /** A quote's page or location (since database version 7) goes with it: a teammate can find it in the book. */
  quotes?: { exact: string; note?: string; location?: QuoteLocation }[];
  clips?: { atSec: number; endSec?: number; note: string; chapter?: string }[];
}

export interface SharedCheck {
  _id: string;
  _rev?: string;
  type: 'check';
  author: string;
  checkedAt: number;
  scores: Record<string, number>;
}

export function sharedItemId(author: string, resourceId: string): string {
  return `shared/${author}/${resourceId}`;
}

export function checkId(author: string): string {
  return `check/${author}`;
}

/** A list the team copy carries fewer of than the resource has: its first `sent` of `of`. */
export interface TeamCut {
  list: TeamList;
  sent: number;
  of: number;
}

/**
 * The team copy of a resource: only what the sharer chose to include, within the team's caps
 * (lib/team/bounds.ts). Each list keeps its first items up to its cap; text still over the
 * character or byte cap loses items from the end of the longest list. A clip past the bound
 * (the video's length, a day when unknown) is held to it, as teammates would refuse it. `cut`
 * says what was left out, for the sharer to read.
 */
export function teamCopyOf(
  resource: Resource,
  author: string,
  include: TeamInclude,
  now: number,
): { item: SharedItem; cut: TeamCut[] } {
  const item: SharedItem = {
    _id: sharedItemId(author, resource.id),
    type: 'shared',
    author,
    resourceId: resource.id,
    kind: resource.kind,
    title: resource.title,
    sharedAt: resource.sharedAt ?? now,
    publishedAt: now,
  };
  if (resource.url) item.url = resource.url;
  if (resource.site) item.site = resource.site;
  if (resource.author) item.creator = resource.author;
  if (resource.activityType) item.activityType = resource.activityType;
  if (resource.happenedOn) item.happenedOn = resource.happenedOn;
  if (resource.durationSec !== undefined) item.durationSec = resource.durationSec;
  if (resource.sharedHow) item.sharedHow = resource.sharedHow;
  const had = { takeaways: 0, quotes: 0, clips: 0 };
  if (include.takeaways && resource.takeaways.length) {
    had.takeaways = resource.takeaways.length;
    item.takeaways = resource.takeaways.slice(0, TEAM_CAPS.takeaways).map((t) => t.text);
  }
  if (include.quotes && resource.quotes?.length) {
    had.quotes = resource.quotes.length;
    item.quotes = resource.quotes.slice(0, TEAM_CAPS.quotes).map((q) => ({
      exact: q.exact,
      ...(q.note ? { note: q.note } : {}),
      ...(q.location ? { location: { ...q.location } } : {}),
    }));
  }
  if (include.clips && resource.clips.length) {
    had.clips = resource.clips.length;
    const bound = clipBound(resource.durationSec);
    item.clips = resource.clips.slice(0, TEAM_CAPS.clips).map((c) => {
      const atSec = Math.min(Math.max(0, Number.isFinite(c.atSec) ? c.atSec : 0), bound);
      const clip: NonNullable<SharedItem['clips']>[number] = { atSec, note: c.note };
      if (c.endSec !== undefined && clipInBounds({ atSec, endSec: c.endSec }, bound)) clip.endSec = c.endSec;
      if (c.chapter) clip.chapter = c.chapter;
      return clip;
    });
  }
  while (teamDocChars(item) > TEAM_CAPS.textChars || teamDocBytes(item) > TEAM_CAPS.docBytes) {
    const longest = TEAM_LISTS.reduce<TeamList | null>(
      (best, list) => ((item[list]?.length ?? 0) > (best ? (item[best]?.length ?? 0) : 0) ? list : best),
      null,
    );
    if (!longest) break;
    item[longest]?.pop();
  }
  for (const list of TEAM_LISTS) if (item[list]?.length === 0) delete item[list];
  const cut = TEAM_LISTS.flatMap((list) => {
    const sent = item[list]?.length ?? 0;
    return sent < had[list] ? [{ list, sent, of: had[list] }] : [];
  });
  return { item, cut };
}

/** The team copy of a resource, within the caps (`teamCopyOf` also says what was left out). */
export function sharedItemOf(resource: Resource, author: string, include: TeamInclude, now: number): SharedItem {
  return teamCopyOf(resource, author, include, now).item;
}

export function sharedCheckOf(assessment: Assessment, author: string): SharedCheck {
  return {
    _id: checkId(author),
    type: 'check',
    author,
    checkedAt: assessment.createdAt,
    scores: { ...assessment.scores },
  };
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(
  v.number(),
  v.integer(),
  v.check((value) => isRecordTime(value), 'record-time'),
);
const author = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const meta = { _id: text(600), _rev: v.optional(text(100)) };

const sharedItemSchema = v.strictObject({
  ...meta,
  type: v.literal('shared'),
  author,
  resourceId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  kind: v.picklist(['video', 'article', 'page', 'activity']),
  title: text(LIMITS.title),
  url: v.optional(
    v.pipe(
      text(LIMITS.url),
      v.check((value) => isWebUrl(value), 'web-url'),
    ),
  ),
  site: v.optional(text(LIMITS.site)),
  creator: v.optional(text(LIMITS.author)),
  activityType: v.optional(text(50)),
  happenedOn: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  durationSec: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1e7))),
  sharedAt: time,
  sharedHow: v.optional(v.picklist(['chat', 'meeting', 'demo', 'write-up'])),
  publishedAt: time,
  takeaways: v.optional(v.pipe(v.array(text(LIMITS.takeaway)), v.maxLength(TEAM_CAPS.takeaways))),
  quotes: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          exact: text(LIMITS.quote),
          note: v.optional(text(LIMITS.quoteNote)),
          // The same cap as the library's (LIMITS.quoteLocation); the server's total caps hold it too.
          location: v.optional(
            v.strictObject({
              page: v.optional(text(LIMITS.quoteLocation)),
              loc: v.optional(text(LIMITS.quoteLocation)),
            }),
          ),
        }),
      ),
      v.maxLength(TEAM_CAPS.quotes),
    ),
  ),
  clips: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          atSec: v.pipe(v.number(), v.minValue(0)),
          endSec: v.optional(v.pipe(v.number(), v.minValue(0))),
          note: text(LIMITS.clipNote),
          chapter: v.optional(text(LIMITS.chapter)),
        }),
      ),
      v.maxLength(TEAM_CAPS.clips),
    ),
  ),
});

const score = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));
const sharedCheckSchema = v.strictObject({
  ...meta,
  type: v.literal('check'),
  author,
  checkedAt: time,
  scores: v.record(v.picklist(CONDITION_IDS), score),
});

/** Every document kind this version knows. */
export type TeamDoc = SharedItem | SharedCheck | TeamReaction;

/** The document types this version reads; another is a newer version's, skipped without a word. */
const KNOWN_TYPES: readonly unknown[] = ['shared', 'check', 'reaction'];

/**
 * `newer-type`: a document of a type this version does not know (a newer version wrote it, under
 * rules it cannot read): skipped, and not counted as refused, since nothing is wrong with it.
 */
export type TeamDocCheck = { ok: true; doc: TeamDoc } | { ok: false; why: TeamRefusal | 'newer-type' };

/**
 * A team document as received, checked strictly (as an import is): first the team's caps (so a
 * huge document is refused before anything reads it closely), then every field within the app's
 * limits, then the id must be the one its type and author give, so nobody's document poses as
 * another's. What fails is left out of the team view, and the view says why.
 */
export function checkTeamDocWhy(doc: unknown): TeamDocCheck {
  if (typeof doc !== 'object' || doc === null) return { ok: false, why: 'unreadable' };
  const declared = (doc as { type?: unknown }).type;
  if (typeof declared === 'string' && !KNOWN_TYPES.includes(declared)) return { ok: false, why: 'newer-type' };
  const capProblem = teamCapProblem(doc);
  if (capProblem) return { ok: false, why: capProblem };
  const type = (doc as { type?: unknown }).type;
  if (type === 'shared') {
    const result = v.safeParse(sharedItemSchema, doc);
    if (!result.success) return { ok: false, why: 'unreadable' };
    return result.output._id === sharedItemId(result.output.author, result.output.resourceId)
      ? { ok: true, doc: result.output as SharedItem }
      : { ok: false, why: 'not-theirs' };
  }
  if (type === 'check') {
    const result = v.safeParse(sharedCheckSchema, doc);
    if (!result.success) return { ok: false, why: 'unreadable' };
    return result.output._id === checkId(result.output.author)
      ? { ok: true, doc: result.output as SharedCheck }
      : { ok: false, why: 'not-theirs' };
  }
  if (type === 'reaction') return checkReaction(doc);
  return { ok: false, why: 'unreadable' };
}

/** `checkTeamDocWhy`, the document or null. */
export function checkTeamDoc(doc: unknown): TeamDoc | null {
  const checked = checkTeamDocWhy(doc);
  return checked.ok ? checked.doc : null;
}

export interface ConditionSummary {
  conditionId: string;
  median: number;
  min: number;
  max: number;
  count: number;
}

/** The fewest members whose checks the team view summarises: fewer would show one person's answers. */
export const MIN_MEMBERS_FOR_SUMMARY = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Per condition, the median and spread of the members' latest shared checks, only where at
 * least three members rated it; the weakest are those at the lowest median, the topic for the
 * next meeting. A tie names them all (the wider spread first, then the condition's order):
 * picking one would hide the others behind a rule nobody sees.
 */
export function teamSummary(checks: readonly SharedCheck[]): {
  conditions: ConditionSummary[];
  weakest: string[];
  members: number;
} {
  const latest = new Map<string, SharedCheck>();
  for (const check of checks) {
    const seen = latest.get(check.author);
    if (!seen || check.checkedAt > seen.checkedAt) latest.set(check.author, check);
  }
  const conditions: ConditionSummary[] = [];
  for (const conditionId of CONDITION_IDS) {
    const values = [...latest.values()].flatMap((c) =>
      c.scores[conditionId] !== undefined ? [c.scores[conditionId]!] : [],
    );
    if (values.length < MIN_MEMBERS_FOR_SUMMARY) continue;
    conditions.push({
      conditionId,
      median: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
      count: values.length,
    });
  }
  const lowest = Math.min(...conditions.map((c) => c.median));
  const weakest = conditions
    .filter((c) => c.median === lowest)
    .sort((a, b) => b.max - b.min - (a.max - a.min))
    .map((c) => c.conditionId);
  return { conditions, weakest, members: latest.size };
}
