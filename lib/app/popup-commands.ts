import { getDb } from '../db/open';

/**
 * The popup's commands (lib/app/resources), loaded beside its first render, with what its entry
 * starts from the same chunk: its one sync pass (`startSyncHere`, called by
 * entrypoints/popup/main.tsx; with no server connected that is one storage read). Importing this
 * module starts nothing.
 */
export * from './resources';
export { startSyncHere } from './sync-start';

/**
 * Opens the library's database ahead of the popup's first command (once Save's first question is
 * answered), so that command finds it open. The view never gets the database itself.
 */
export async function prepareDatabase(): Promise<void> {
  await getDb();
}
