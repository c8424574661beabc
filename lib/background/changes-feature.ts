import type { Change } from '../messaging';

/**
 * What the background does after a change, wherever it was made: a page's command arrives as the
 * `changed` message (which wakes a stopped worker), the background's own commands call this
 * directly (lib/background/index.ts). The one place that decides which alarms, notifications,
 * menus and badge follow; each reaction loads only its own feature, so the most common change (a
 * page saved or edited) loads the snapshot's and sync's few lines, not every feature.
 */
export async function reactToChange(change: Change): Promise<void> {
  const stores = new Set(change.stores);
  const items = new Set(change.items);
  const jobs: Promise<unknown>[] = [];
  if (items.has('language'))
    jobs.push(
      import('./language')
        .then((language) => language.reloadLanguage())
        .then(() => import('./menus'))
        .then((menus) => menus.createMenus()),
    );
  if (stores.has('actions')) jobs.push(import('./follow-up-feature').then((feature) => feature.syncFollowUps()));
  if (stores.has('assessments') || items.has('assessmentReminder') || items.has('assessmentSchedule'))
    jobs.push(import('./assessment-feature').then((feature) => feature.syncAssessment()));
  const prompt = () => import('./prompt-feature');
  if (
    items.has('promptSchedule') ||
    items.has('disabledBuiltInPrompts') ||
    items.has('reviewsPerPrompt') ||
    stores.has('prompts')
  )
    jobs.push(import('./prompt-schedule').then((schedule) => schedule.ensurePromptAlarm()));
  if (items.has('duePrompt')) jobs.push(prompt().then((feature) => feature.onDuePromptChanged()));
  if (items.has('promptAlarmState')) jobs.push(prompt().then((feature) => feature.onPromptSnoozed()));
  if (items.has('reviewSession')) jobs.push(prompt().then((feature) => feature.onReviewSessionChanged()));
  if (items.has('lastExportAt') || items.has('backupReminder'))
    jobs.push(import('./backup-feature').then((feature) => feature.syncBackupReminder({ notify: false })));
  if (stores.size) jobs.push(import('./snapshot-notice').then((notice) => notice.noteLibraryChange(change)));
  jobs.push(import('./sync-feature').then((feature) => feature.onChangeForSync(change)));
  await Promise.all(jobs);
}
