import { setupSaveFeature } from './save-feature';

/**
 * One feature a file; each registers its listeners synchronously, so an event that wakes the
 * service worker finds its listener already there.
 */
export function setupBackground(): void {
  setupSaveFeature();
}
