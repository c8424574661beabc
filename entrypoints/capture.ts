import { extractFromDocument } from '@/lib/capture/extract';

// Injected on demand into the tab the user chose (activeTab + scripting.executeScript);
// the return value is the executeScript result.
export default defineUnlistedScript(() => extractFromDocument(document, location.href));
