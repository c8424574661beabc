/** How much room the browser gives Learning Loop, and whether that is running out. */
export interface StorageSpace {
  usage: number;
  quota: number;
  free: number;
  low: boolean;
}

const LOW_FREE_BYTES = 200 * 1024 * 1024;
const LOW_FREE_SHARE = 0.1;

/**
 * Low: less than a tenth of the quota or 200 MB free, whichever is larger. Browsers size the
 * quota from the free disk, so a nearly full disk shows here before a write fails.
 */
export function assessSpace(estimate: { usage?: number; quota?: number }): StorageSpace | null {
  const { usage, quota } = estimate;
  if (typeof usage !== 'number' || typeof quota !== 'number' || !Number.isFinite(quota) || quota <= 0) return null;
  const free = Math.max(0, quota - usage);
  return { usage, quota, free, low: free < Math.max(quota * LOW_FREE_SHARE, LOW_FREE_BYTES) };
}

export async function storageSpace(): Promise<StorageSpace | null> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    return estimate ? assessSpace(estimate) : null;
  } catch {
    return null;
  }
}
