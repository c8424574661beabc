import { extractYouTubeDocument } from '@/lib/capture/extract-youtube';

// Injected instead of /capture.js when the tab's address is a YouTube video's: no article reader.
export default defineUnlistedScript(() => extractYouTubeDocument(document, location.href));
