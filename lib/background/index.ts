import { setupAssessmentFeature } from './assessment-feature';
import { setupBackupFeature } from './backup-feature';
import { setupChangesFeature } from './changes-feature';
import { setupClipFeature } from './clip-feature';
import { setupFollowUpFeature } from './follow-up-feature';
import { forgetLanguage } from './language';
import { setupPromptFeature } from './prompt-feature';
import { setupQuoteFeature } from './quote-feature';
import { setupSaveFeature } from './save-feature';
import { setupSnapshotFeature } from './snapshot-feature';
import { setupSyncFeature } from './sync-feature';

/**
 * One feature a file; each registers its listeners synchronously, so an event that wakes the
 * service worker finds its listener already there.
 */
export function setupBackground(): () => void {
  forgetLanguage();
  const stopChanges = setupChangesFeature();
  setupSaveFeature();
  setupClipFeature();
  setupQuoteFeature();
  setupFollowUpFeature();
  setupAssessmentFeature();
  setupPromptFeature();
  setupBackupFeature();
  setupSnapshotFeature();
  setupSyncFeature();
  // Browser listeners live as long as the worker; the message handler can be removed (tests).
  return stopChanges;
}
