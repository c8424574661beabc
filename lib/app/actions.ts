import * as store from '../db/actions';
import { chooseConflict } from '../db/conflicts';
import type { FieldConflict } from '../model/conflict';
import type { Action } from '../model/action';
import { followUpDrafts } from '../settings';
import { committed } from './commit';
import { deleteWithUndo, type UndoOffer } from './undo';

/**
 * Actions and their follow-ups. Every write tells the background, which re-plans the follow-up
 * alarm, notifications and badge.
 */
export {
  getAction,
  listActions,
  listDueFollowUps,
  listOpenFollowUps,
  type FollowUpAnswer,
  type NewAction,
} from '../db/actions';

function announce(id: string): Promise<void> {
  return committed({ stores: ['actions'], ids: [id] });
}

export async function createAction(input: store.NewAction, now = Date.now()): Promise<Action> {
  const action = await store.createAction(input, now);
  await announce(action.id);
  return action;
}

export async function editAction(id: string, patch: store.ActionPatch, now = Date.now()): Promise<Action | undefined> {
  const updated = await store.updateAction(id, patch, now);
  if (updated) await announce(id);
  return updated;
}

/** "Did you do it, and what effect did it have?": the answer closes the action or re-dates it. */
export async function answerFollowUp(
  id: string,
  answer: store.FollowUpAnswer,
  now = Date.now(),
): Promise<Action | undefined> {
  const updated = await store.answerFollowUp(id, answer, now);
  await saveFollowUpDraft(id, '');
  if (updated) await announce(id);
  return updated;
}

export function deleteAction(id: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'action',
      remove: () => store.deleteAction(id),
      restore: (removed) => store.restoreAction(removed),
      announce: () => announce(id),
    },
    now,
  );
}

/** What the user typed answering a follow-up in the popup (it closes on blur); '' forgets it. */
export async function saveFollowUpDraft(id: string, text: string): Promise<void> {
  const { [id]: _old, ...rest } = await followUpDrafts.getValue();
  await followUpDrafts.setValue(text ? { ...rest, [id]: text } : rest);
}

/** Take a conflict version of the action's text or outcome, or keep what is there (lib/model/merge.ts). */
export async function chooseActionVersion(
  id: string,
  conflict: FieldConflict,
  useIt: boolean,
  now = Date.now(),
): Promise<void> {
  const updated = await chooseConflict('actions', id, conflict, useIt, now);
  if (updated) await announce(id);
}
