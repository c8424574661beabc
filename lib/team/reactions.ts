import * as v from 'valibot';
import { isRecordTime } from '../infra/time';
import { TEAM_CAPS } from './bounds';

/**
 * Reactions (team rules version 3): what a member says about a teammate's published item, each a
 * document of its author's own, so the validation function (team/validate_doc_update.js) can tie
 * it to its writer. Thanks, trying and tried are one each per member and item (the id says which,
 * so a second click replaces rather than piles up); comments are many, each under an id of its own.
 * A reaction names its item (`shared/<item author>/<resource id>`), which the server cannot check
 * exists: every browser ignores, and counts, reactions whose item is not (or no longer) shared,
 * so unpublishing an item hides its reactions everywhere.
 */

export const REACTION_KINDS = ['thanks', 'trying', 'tried', 'comment'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export interface TeamReaction {
  _id: string;
  _rev?: string;
  type: 'reaction';
  author: string;
  kind: ReactionKind;
  /** The item reacted to: `shared/<item author>/<resource id>`. */
  item: string;
  at: number;
  /** A comment's words (1 to TEAM_CAPS.reactionText characters). */
  text?: string;
  /** What happened, on a tried-it (optional, at most TEAM_CAPS.reactionText characters). */
  effect?: string;
}

/** The item part of a reaction: as the validation function checks it (no slash inside either part). */
const ITEM_PATTERN = /^shared\/([^/]{1,200})\/([^/]{1,200})$/;
const COMMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The id of a member's thanks / trying / tried on an item, or of one of their comments on it. */
export function reactionId(author: string, kind: ReactionKind, item: string, commentId?: string): string {
  const base = `reaction/${author}/${kind}/${item.slice('shared/'.length)}`;
  return kind === 'comment' ? `${base}/${commentId ?? ''}` : base;
}

/** The item's author and resource id, or null for a name the team space cannot react to (a slash in it). */
export function parseItemRef(item: string): { author: string; resourceId: string } | null {
  const match = ITEM_PATTERN.exec(item);
  return match ? { author: match[1]!, resourceId: match[2]! } : null;
}

const reactionText = v.pipe(v.string(), v.maxLength(TEAM_CAPS.reactionText));

const reactionSchema = v.strictObject({
  _id: v.pipe(v.string(), v.maxLength(700)),
  _rev: v.optional(v.pipe(v.string(), v.maxLength(100))),
  type: v.literal('reaction'),
  author: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  kind: v.picklist(REACTION_KINDS),
  item: v.pipe(v.string(), v.regex(ITEM_PATTERN)),
  at: v.pipe(
    v.number(),
    v.integer(),
    v.check((value) => isRecordTime(value), 'record-time'),
  ),
  text: v.optional(reactionText),
  effect: v.optional(reactionText),
});

/**
 * A reaction as received, held to the same rules as the server's: the fields, the kind, the item's
 * form, the text's cap, and an id that is the one its author, kind and item give (so nobody's
 * reaction poses as another's). `not-theirs` for a wrong id, `unreadable` for the rest.
 */
export function checkReaction(
  doc: object,
): { ok: true; doc: TeamReaction } | { ok: false; why: 'unreadable' | 'not-theirs' } {
  const result = v.safeParse(reactionSchema, doc);
  if (!result.success) return { ok: false, why: 'unreadable' };
  const reaction = result.output as TeamReaction;
  if (reaction.kind === 'comment' ? !reaction.text : reaction.text !== undefined)
    return { ok: false, why: 'unreadable' };
  if (reaction.effect !== undefined && reaction.kind !== 'tried') return { ok: false, why: 'unreadable' };
  const base = reactionId(reaction.author, reaction.kind, reaction.item);
  const idFits =
    reaction.kind === 'comment'
      ? reaction._id.startsWith(base) && COMMENT_ID.test(reaction._id.slice(base.length))
      : reaction._id === base;
  return idFits ? { ok: true, doc: reaction } : { ok: false, why: 'not-theirs' };
}
