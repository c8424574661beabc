import { reactToChangesHere } from '../app/commit';
import type { Change } from '../messaging';
import { onMessage } from '../messaging-transport';
import { syncAssessment } from './assessment-feature';
import { syncBackupReminder } from './backup-feature';
import { syncFollowUps } from './follow-up-feature';
import { reloadLanguage } from './language';
import { ensurePromptAlarm, onDuePromptChanged, onPromptSnoozed, onReviewSessionChanged } from './prompt-feature';
import { createMenus } from './save-feature';
import { noteLibraryChange } from './snapshot-feature';
import { onChangeForSync } from './sync-feature';

/**
 * What the background does after a change, wherever it was made: a page's command arrives as the
 * `changed` message (which wakes a stopped worker), the background's own commands call this
 * directly. The one place that decides which alarms, notifications, menus and badge follow.
 */
export async function reactToChange(change: Change): Promise<void> {
  const stores = new Set(change.stores);
  const items = new Set(change.items);
  const jobs: Promise<unknown>[] = [];
  if (items.has('language')) jobs.push(reloadLanguage().then(createMenus));
  if (stores.has('actions')) jobs.push(syncFollowUps());
  if (stores.has('assessments') || items.has('assessmentReminder') || items.has('assessmentSchedule'))
    jobs.push(syncAssessment());
  if (
    items.has('promptSchedule') ||
    items.has('disabledBuiltInPrompts') ||
    items.has('reviewsPerPrompt') ||
    stores.has('prompts')
  )
    jobs.push(ensurePromptAlarm());
  if (items.has('duePrompt')) jobs.push(onDuePromptChanged());
  if (items.has('promptAlarmState')) jobs.push(onPromptSnoozed());
  if (items.has('reviewSession')) jobs.push(onReviewSessionChanged());
  if (items.has('lastExportAt') || items.has('backupReminder')) jobs.push(syncBackupReminder({ notify: false }));
  if (stores.size) jobs.push(noteLibraryChange(change));
  jobs.push(onChangeForSync(change));
  await Promise.all(jobs);
}

/** Returns what undoes it (tests start a background per test). */
export function setupChangesFeature(): () => void {
  const stop = onMessage('changed', ({ data }) => reactToChange(data));
  reactToChangesHere(reactToChange);
  return () => {
    stop();
    reactToChangesHere(null);
  };
}
