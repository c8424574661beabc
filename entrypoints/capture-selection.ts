import {
  GenerateFragmentStatus,
  generateFragmentFromRange,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { readSelection } from '@/lib/capture/selection';

// Injected after a page script said text is selected, so only a quote loads the directive
// generator. The user is in the popup or the menu meanwhile: the selection is the same one.
export default defineUnlistedScript(() => {
  try {
    return readSelection(document, (range) => {
      const result = generateFragmentFromRange(range);
      return result.status === GenerateFragmentStatus.SUCCESS ? result.fragment : undefined;
    });
  } catch {
    // The page is still saved when its selection cannot be read.
    return null;
  }
});
