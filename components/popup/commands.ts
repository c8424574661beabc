import { loadedOnUse } from '@/lib/app/lazy';

/**
 * What the popup's first render calls of the application layer, loaded beside that render
 * rather than before it: the recent list paints from its snapshot and Save waits for the page's
 * capture anyway, so the database code (a third of the popup's JavaScript) is never waited for.
 */
const resources = loadedOnUse(() => import('@/lib/app/popup-commands'));

// The capture card's commands load the same way, in its controller (lib/app/capture-flow.ts).
export const editResource = resources.command('editResource');
export const listNewest = resources.command('listNewest');
