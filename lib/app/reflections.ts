import { chooseConflict } from '../db/conflicts';
import * as store from '../db/reflections';
import type { FieldConflict } from '../model/conflict';
import type { Reflection } from '../model/reflection';
import { askedText, type AskedPrompt } from '../prompts/due';
import { clearDraft } from '../pages/drafts';
import { duePrompt, promptAlarmState, promptSchedule, type DuePromptState } from '../settings';
import { committed } from './commit';
import { deleteWithUndo, type UndoOffer } from './undo';

/** Reflections and the due prompt: answering, skipping, editing and deleting journal entries. */
export {
  countReflections,
  getReflection,
  listReflections,
  reflectionsAbout,
  reflectionsSince,
} from '../db/reflections';

function sameDue(due: DuePromptState | null, prompt: AskedPrompt): boolean {
  return !!due && due.promptId === prompt.promptId && (due.resourceId ?? '') === (prompt.resourceId ?? '');
}

/**
 * Nothing is due any more: the due prompt and its draft go. The background hears that the due
 * prompt changed and takes the badge and the notification away.
 */
async function finishDuePrompt(extra: { stores?: ['reflections']; ids?: string[] } = {}): Promise<void> {
  await duePrompt.setValue(null);
  clearDraft('', ['answer']);
  await committed({ ...extra, items: ['duePrompt'] });
}

/** Store the answer; if it answers the due prompt, that prompt is done. */
export async function answerPrompt(prompt: AskedPrompt, answer: string, now = Date.now()): Promise<Reflection> {
  const reflection = await store.addReflection(
    {
      promptId: prompt.promptId,
      promptText: askedText(prompt),
      answer,
      ...(prompt.resourceId ? { resourceId: prompt.resourceId } : {}),
      ...(prompt.resourceTitle ? { resourceTitle: prompt.resourceTitle } : {}),
    },
    now,
  );
  const change = { stores: ['reflections'] as ['reflections'], ids: [reflection.id] };
  if (sameDue(await duePrompt.getValue(), prompt)) await finishDuePrompt(change);
  else void committed(change);
  return reflection;
}

/**
 * "Another question" on the due prompt: it is done for now, as Skip leaves it (the badge and the
 * notification go). Its draft stays: what was typed is the user's, whichever question it answers.
 */
export async function passOverPrompt(prompt: AskedPrompt): Promise<void> {
  if (!sameDue(await duePrompt.getValue(), prompt)) return;
  await duePrompt.setValue(null);
  await committed({ items: ['duePrompt'] });
}

/** One click: not now. The prompt stays in the rotation history, so it will not come right back. */
export function skipDuePrompt(): Promise<void> {
  return finishDuePrompt();
}

/**
 * Later, from a page (the notification's Later does the same): the same prompt again after the
 * snooze length. The background moves its alarm there and takes the badge and notification away.
 */
export async function snoozeDuePrompt(now = Date.now()): Promise<void> {
  const [schedule, state] = await Promise.all([promptSchedule.getValue(), promptAlarmState.getValue()]);
  const when = now + Math.max(1, schedule.snoozeMinutes) * 60_000;
  await promptAlarmState.setValue({ ...state, scheduledFor: when, reason: 'snooze' });
  await committed({ items: ['promptAlarmState'] });
}

/** Whether the due prompt was put off with Later and its time has not come yet. */
export function isSnoozed(state: { reason: string; scheduledFor: number | null }, now = Date.now()): boolean {
  return state.reason === 'snooze' && state.scheduledFor !== null && state.scheduledFor > now;
}

export async function editReflection(id: string, answer: string, now = Date.now()): Promise<Reflection | undefined> {
  const updated = await store.updateReflectionAnswer(id, answer, now);
  if (updated) void committed({ stores: ['reflections'], ids: [id] });
  return updated;
}

export function deleteReflection(id: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'reflection',
      remove: () => store.deleteReflection(id),
      restore: (removed) => store.restoreReflection(removed),
      // Not waited for, as the journal's edits: the entry is gone from the page at once.
      announce: () => {
        void committed({ stores: ['reflections'], ids: [id] });
      },
    },
    now,
  );
}

/** Take a conflict version of the answer, or keep the answer (lib/model/merge.ts). */
export async function chooseAnswerVersion(
  id: string,
  conflict: FieldConflict,
  useIt: boolean,
  now = Date.now(),
): Promise<void> {
  const updated = await chooseConflict('reflections', id, conflict, useIt, now);
  if (updated) void committed({ stores: ['reflections'], ids: [id] });
}
