import { startSyncHere } from './sync-start';

/**
 * The popup's commands (lib/app/resources), loaded beside its first render. Loading them is
 * also when the popup, a page opening, runs its one sync pass: with no server connected that is
 * one storage read.
 */
export * from './resources';
export { getDb as openDatabase } from '../db/open';

startSyncHere(false);
