import { extractPageDocument } from '@/lib/capture/extract-page';

// Injected on demand into the tab the user chose (activeTab + scripting.executeScript) when its
// address is not a YouTube video's; the return value is the executeScript result.
export default defineUnlistedScript(() => extractPageDocument(document, location.href));
