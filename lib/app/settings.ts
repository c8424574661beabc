import { ITEMS, type ItemValue } from '../settings';
import { committed } from './commit';

/** The settings a user changes in Settings; each write tells the background what changed. */
export type UserSettingName =
  | 'promptSchedule'
  | 'language'
  | 'showThumbnails'
  | 'webhook'
  | 'digestTopic'
  | 'clipSegmentSeconds'
  | 'reviewsPerPrompt';

export async function saveSetting<K extends UserSettingName>(name: K, value: ItemValue<K>): Promise<void> {
  // The map's items differ in type; the name ties this value to its item.
  await (ITEMS[name] as { setValue(value: ItemValue<K>): Promise<void> }).setValue(value);
  await committed({ items: [name] });
}
