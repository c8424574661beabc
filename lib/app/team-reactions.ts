import { newId } from '../infra/ids';
import { capLine, LIMITS } from '../infra/limits';
import { formatNumber, t } from '../i18n';
import { describeWriteError } from '../i18n/write-errors';
import type { Action } from '../model/action';
import { TEAM_CAPS } from '../team/bounds';
import { type SharedItem, sharedItemId } from '../team/documents';
import { type ReactionKind, reactionId, type TeamReaction } from '../team/reactions';
import { createAction } from './actions';
import { committed } from './commit';
import { readTeamSpace, saveFromTeam } from './team';

/**
 * Reactions to a teammate's shared item (docs/TEAM-SPACE.md): thanks, I'll try this (saved here
 * and turned into an action with a follow-up), I tried it (with what happened, only when the user
 * chooses to tell), comments. Each is the user's own document in the team space; nothing a
 * teammate writes enters this library. The team database loads only on use.
 */
const replica = () => import('../team/replica');

export type ReactOutcome = { ok: true } | { ok: false; message: string };

/** Why a reaction was not sent; what was typed stays in its box. */
function refuse(message: string): ReactOutcome {
  return { ok: false, message };
}

/**
 * Writes the user's reaction of `kind` to `item` (a comment's words in `text`, a tried-it's effect
 * in `text`, optional). Thanks, trying and tried replace the user's earlier one on the item.
 */
export async function reactToTeamItem(
  item: Pick<SharedItem, '_id' | 'author'>,
  kind: ReactionKind,
  text = '',
  now = Date.now(),
): Promise<ReactOutcome> {
  const { readTeamCredentials, writeTeamDoc } = await replica();
  const credentials = await readTeamCredentials();
  if (!credentials) return refuse(t('teamReactNoSpace'));
  const words = text.trim();
  if (kind === 'comment' && !words) return refuse(t('teamReactEmpty'));
  if (words.length > TEAM_CAPS.reactionText)
    return refuse(t('teamReactTooLong', formatNumber(TEAM_CAPS.reactionText), formatNumber(words.length)));
  const me = credentials.account.user;
  const id = reactionId(me, kind, item._id, kind === 'comment' ? newId() : undefined);
  // Names with a slash cannot be told apart inside an id; the server refuses them too.
  if (me.includes('/') || !/^shared\/[^/]+\/[^/]+$/.test(item._id)) return refuse(t('teamReactBadName'));
  const reaction: TeamReaction = { _id: id, type: 'reaction', author: me, kind, item: item._id, at: now };
  if (kind === 'comment') reaction.text = words;
  if (kind === 'tried' && words) reaction.effect = words;
  try {
    await writeTeamDoc(credentials, reaction as never);
  } catch (error) {
    return refuse(describeWriteError(error));
  } finally {
    await committed({ items: ['syncStatus'] });
  }
  return { ok: true };
}

/** Takes back one of the user's own reactions (the server refuses anyone else's). */
export async function removeReaction(id: string): Promise<ReactOutcome> {
  const { readTeamCredentials, writeTeamDoc } = await replica();
  const credentials = await readTeamCredentials();
  if (!credentials) return refuse(t('teamReactNoSpace'));
  if (!id.startsWith(`reaction/${credentials.account.user}/`)) return refuse(t('teamReactNotYours'));
  try {
    await writeTeamDoc(credentials, { _id: id }, true);
  } catch (error) {
    return refuse(describeWriteError(error));
  } finally {
    await committed({ items: ['syncStatus'] });
  }
  return { ok: true };
}

export type TryOutcome = { ok: true; action: Action; told: ReactOutcome } | { ok: false; message: string };

/**
 * I'll try this: the item is saved to the library (as Save to my library does), an action made
 * from it with a follow-up date, its source naming the teammate's item, and the teammate told the
 * user is trying it. The action stays when the team space does not take the reaction (`told`).
 */
export async function tryTeamItem(
  item: SharedItem,
  followUpAt: number,
  text = '',
  now = Date.now(),
): Promise<TryOutcome> {
  const saved = await saveFromTeam(item, now);
  if (!saved.ok) return { ok: false, message: saved.message };
  let action: Action;
  try {
    action = await createAction(
      {
        text: text.trim() || t('teamTryActionText', capLine(item.title, LIMITS.title)),
        source: {
          kind: 'resource',
          id: saved.resource.id,
          title: saved.resource.title,
          team: { author: item.author, resourceId: item.resourceId },
        },
        followUpAt,
      },
      now,
    );
  } catch (error) {
    return { ok: false, message: describeWriteError(error) };
  }
  const told = await reactToTeamItem(item, 'trying', '', now);
  return { ok: true, action, told };
}

/** The teammate's item an action came from, while it is still shared; null when it is not, or none. */
export async function teamItemOfAction(action: Action): Promise<SharedItem | null> {
  const team = action.source.team;
  if (!team) return null;
  const space = await readTeamSpace(false);
  const id = sharedItemId(team.author, team.resourceId);
  return space?.items.find((item) => item._id === id) ?? null;
}

/** Tell <author> you tried it: only when the user chooses, after the follow-up, with what happened. */
export async function tellTriedIt(action: Action, effect: string, now = Date.now()): Promise<ReactOutcome> {
  const item = await teamItemOfAction(action);
  if (!item) return refuse(t('teamTriedGone'));
  return reactToTeamItem(item, 'tried', effect, now);
}
