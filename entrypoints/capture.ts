import { generateFragment, GenerateFragmentStatus } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import { extractFromDocument } from '@/lib/capture/extract';
import { readSelection } from '@/lib/capture/selection';

// Injected on demand into the tab the user chose (activeTab + scripting.executeScript);
// the return value is the executeScript result.
export default defineUnlistedScript(() => {
  const page = extractFromDocument(document, location.href);
  try {
    const selection = readSelection(document, (live) => {
      const result = generateFragment(live);
      return result.status === GenerateFragmentStatus.SUCCESS ? result.fragment : undefined;
    });
    if (!selection) return page;
    return 'quote' in selection
      ? { ...page, selection: selection.quote }
      : { ...page, selectionRefused: selection.refused };
  } catch {
    // The page is still saved when its selection cannot be read.
    return page;
  }
});
