import { chooseSettings, type ItemValue } from '../settings';
import { committed } from './commit';

/** The settings a user changes in Settings; each write tells the background what changed. */
export type UserSettingName =
  | 'promptSchedule'
  | 'disabledBuiltInPrompts'
  | 'language'
  | 'showThumbnails'
  | 'webhook'
  | 'digestTopic'
  | 'clipSegmentSeconds'
  | 'pauseWhileTyping'
  | 'assessmentReminder'
  | 'reviewsPerPrompt'
  | 'importedReviewsPerDay'
  | 'teamNewsSeen';

/**
 * The value is stored with the time the user chose it (choosing the value it already had counts):
 * sync merges settings one by one, the later choice winning (lib/sync/settings-merge.ts).
 */
export async function saveSetting<K extends UserSettingName>(name: K, value: ItemValue<K>): Promise<void> {
  await chooseSettings([{ name, value, at: Date.now() }]);
  await committed({ items: [name] });
}
