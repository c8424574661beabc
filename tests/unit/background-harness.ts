import { vi } from 'vitest';
import { reactToChangesHere } from '../../lib/app/commit';
import { backgroundWorkInFlight, setupBackground } from '../../lib/background';
import { forgetLanguage } from '../../lib/background/language';
import { queuedTasks } from '../../lib/infra/serial';

/**
 * Starts the real background in this test's fake browser, as the service worker would. With
 * `asPage`, commands made by the test go to the background as the `changed` message, the way a
 * popup's or library page's do, instead of being handled in the same context.
 */
export function startBackground(options: { asPage?: boolean } = {}): () => void {
  // A new worker life: modules start fresh there, here they are shared by the file's tests.
  forgetLanguage();
  const stop = setupBackground();
  if (options.asPage) reactToChangesHere(null);
  return stop;
}

/**
 * Waits until the background has finished what the last event started: no event's work in flight
 * (its feature may still be loading) and no queued task, for a few turns of the event loop
 * (fake-indexeddb and storage answer on later turns).
 */
export async function settle(): Promise<void> {
  let quiet = 0;
  for (let turn = 0; turn < 500 && quiet < 5; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    quiet = queuedTasks() === 0 && backgroundWorkInFlight() === 0 ? quiet + 1 : 0;
  }
}

/** The clock every Date.now() reads, moved by the test. */
export function setNow(ms: number): number {
  vi.setSystemTime(ms);
  return ms;
}
