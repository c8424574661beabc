import { browser } from 'wxt/browser';

/**
 * Make the named one-shot alarm fire at `when`, or not at all when `when` is undefined.
 * Idempotent: an alarm already set for that time is left alone, so start-up, every change and
 * every wake-up can call this without pushing the alarm back. Browsers may round `when` up to
 * their minimum delay; such an alarm counts as set.
 */
export async function ensureAlarm(name: string, when: number | undefined, now = Date.now()): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (when === undefined) {
    if (existing) await browser.alarms.clear(name);
    return;
  }
  const earliest = Math.max(when, now);
  if (existing && existing.scheduledTime >= when && existing.scheduledTime <= earliest + 60_000) return;
  await browser.alarms.create(name, { when });
}
