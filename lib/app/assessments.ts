import { snoozeUntil } from '../assessment/schedule';
import * as store from '../db/assessments';
import type { Assessment } from '../model/assessment';
import { assessmentSchedule } from '../settings';
import { committed } from './commit';
import { saveSetting } from './settings';
import { deleteWithUndo, type UndoOffer } from './undo';

/** The monthly learning-environment check: saving, deleting, and the reminder's state. */
export { latestAssessment, listAssessments, type AssessmentInput } from '../db/assessments';

export async function saveAssessment(input: store.AssessmentInput, now = Date.now()): Promise<Assessment> {
  const assessment = await store.saveAssessment(input, now);
  await committed({ stores: ['assessments'], ids: [assessment.id] });
  return assessment;
}

export function deleteAssessment(id: string, now = Date.now()): Promise<UndoOffer | undefined> {
  return deleteWithUndo(
    {
      kind: 'assessment',
      remove: () => store.deleteAssessment(id),
      restore: (removed) => store.restoreAssessment(removed),
      announce: () => committed({ stores: ['assessments'], ids: [id] }),
    },
    now,
  );
}

/** The monthly offer on or off. */
export async function setAssessmentReminder(on: boolean): Promise<void> {
  await saveSetting('assessmentReminder', on);
}

/** "Not now": the offer comes back after the snooze. */
export async function snoozeAssessment(now = Date.now()): Promise<void> {
  const state = await assessmentSchedule.getValue();
  await assessmentSchedule.setValue({ ...state, snoozedUntil: snoozeUntil(now) });
  await committed({ items: ['assessmentSchedule'] });
}
