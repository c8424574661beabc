/**
 * Benchmark only: what the background's sync entry points become in the build that measures the
 * background without the sync engine (WXT_WITHOUT_SYNC=1, see wxt.config.ts). Never shipped.
 */
export async function syncNow(): Promise<void> {}
export async function markChanged(): Promise<void> {}
