/**
 * How views stay live: every command's change arrives here, from this page and from every other
 * extension page (a BroadcastChannel). Views subscribe through `useLiveQuery`.
 */
export { type DbChange, onDbChange as onStoreChange, PAGE_ID } from '../db/changes';
