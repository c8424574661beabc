import { isRecordTime } from '../infra/time';
import { newId } from '../infra/ids';
import { capLine, capText, LIMITS } from '../infra/limits';
import { getDb, type LoopDatabase } from './open';
import type { Action, ActionSource, ActionStatus } from '../model/action';

export interface NewAction {
  text: string;
  source?: ActionSource;
  followUpAt?: number;
}

/** A source as stored: known kind, capped title, no empty fields. */
export function cleanSource(source: ActionSource | undefined): ActionSource {
  if (!source || source.kind === 'none' || !source.id) return { kind: 'none' };
  const out: ActionSource = { kind: source.kind, id: source.id.slice(0, 200) };
  const title = capLine(source.title, LIMITS.title);
  if (title) out.title = title;
  if (source.kind === 'resource' && source.item?.id)
    out.item = { kind: source.item.kind, id: source.item.id.slice(0, 200) };
  if (source.kind === 'resource' && source.team?.author && source.team.resourceId)
    out.team = { author: source.team.author.slice(0, 200), resourceId: source.team.resourceId.slice(0, 200) };
  return out;
}

function validTime(value: number | undefined): number | undefined {
  const whole = value === undefined ? undefined : Math.floor(value);
  return isRecordTime(whole) ? whole : undefined;
}

/** Text is required: the caller shows a message when this throws before anything is written. */
export async function createAction(input: NewAction, now = Date.now(), db?: LoopDatabase): Promise<Action> {
  const text = capText(input.text.trim(), LIMITS.actionText);
  if (!text) throw new Error('empty action');
  const action: Action = {
    id: newId(),
    text,
    source: cleanSource(input.source),
    status: 'open',
    createdAt: now,
    updatedAt: now,
  };
  const followUpAt = validTime(input.followUpAt);
  if (followUpAt !== undefined) action.followUpAt = followUpAt;
  const database = db ?? (await getDb());
  await database.put('actions', action);
  return action;
}

export async function getAction(id: string, db?: LoopDatabase): Promise<Action | undefined> {
  return (db ?? (await getDb())).get('actions', id);
}

/** Every action, newest first. Actions are few (a handful a week), so one read is fine. */
export async function listActions(db?: LoopDatabase): Promise<Action[]> {
  const all = await (db ?? (await getDb())).getAllFromIndex('actions', 'createdAt');
  return all.reverse();
}

/** Open actions that have a follow-up date, earliest first, through the followUpAt index. */
export async function listOpenFollowUps(db?: LoopDatabase): Promise<Action[]> {
  const all = await (db ?? (await getDb())).getAllFromIndex('actions', 'followUpAt');
  return all.filter((action) => action.status === 'open' && action.followUpAt !== undefined);
}

/** Open actions whose follow-up date has come, earliest first. */
export async function listDueFollowUps(now = Date.now(), db?: LoopDatabase): Promise<Action[]> {
  const database = db ?? (await getDb());
  return database.getAllFromIndex('actions', 'statusFollowUpAt', IDBKeyRange.bound(['open', -Infinity], ['open', now]));
}

export interface ActionPatch {
  text?: string;
  /** `null` removes the follow-up date. */
  followUpAt?: number | null;
  status?: ActionStatus;
  outcome?: string;
}

export function applyActionPatch(action: Action, patch: ActionPatch, now: number): Action {
  const next: Action = { ...action, updatedAt: Math.max(now, action.updatedAt + 1) };
  if (patch.text !== undefined) next.text = capText(patch.text.trim(), LIMITS.actionText) || action.text;
  if (patch.outcome !== undefined) {
    const outcome = capText(patch.outcome.trim(), LIMITS.outcome);
    if (outcome) next.outcome = outcome;
    else delete next.outcome;
  }
  if (patch.followUpAt === null) delete next.followUpAt;
  else if (patch.followUpAt !== undefined) {
    const at = validTime(patch.followUpAt);
    if (at !== undefined) next.followUpAt = at;
  }
  if (patch.status !== undefined && patch.status !== action.status) {
    next.status = patch.status;
    if (patch.status === 'open') delete next.doneAt;
    else next.doneAt = now;
  }
  return next;
}

export async function updateAction(
  id: string,
  patch: ActionPatch,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<Action | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('actions', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = applyActionPatch(current, patch, now);
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** What the follow-up question leads to. */
export type FollowUpAnswer =
  | { result: 'done' | 'dropped'; outcome: string }
  | { result: 'later'; outcome: string; followUpAt: number };

/**
 * The answer to "did you do it, and what effect did it have?": the outcome is kept, and the
 * action is closed (done or dropped) or gets a new follow-up date.
 */
export async function answerFollowUp(
  id: string,
  answer: FollowUpAnswer,
  now = Date.now(),
  db?: LoopDatabase,
): Promise<Action | undefined> {
  if (answer.result === 'later')
    return updateAction(id, { outcome: answer.outcome, followUpAt: answer.followUpAt, status: 'open' }, now, db);
  return updateAction(id, { outcome: answer.outcome, status: answer.result }, now, db);
}

export async function deleteAction(id: string, db?: LoopDatabase): Promise<Action | undefined> {
  const database = db ?? (await getDb());
  const tx = database.transaction('actions', 'readwrite');
  const current = await tx.store.get(id);
  if (current) await tx.store.delete(id);
  await tx.done;
  return current;
}

export async function restoreAction(action: Action, db?: LoopDatabase): Promise<void> {
  const database = db ?? (await getDb());
  await database.put('actions', action);
}
