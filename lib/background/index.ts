import { setupSaveFeature } from './save-feature';
import { setupFollowUpFeature } from './follow-up-feature';
import { setupAssessmentFeature } from './assessment-feature';
import { setupPromptFeature } from './prompt-feature';
import { setupBackupFeature } from './backup-feature';

/**
 * One feature a file; each registers its listeners synchronously, so an event that wakes the
 * service worker finds its listener already there.
 */
export function setupBackground(): void {
  setupSaveFeature();
  setupFollowUpFeature();
  setupAssessmentFeature();
  setupPromptFeature();
  setupBackupFeature();
}
