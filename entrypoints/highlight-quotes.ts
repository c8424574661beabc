import { highlightQuotes, type QuoteToFind } from '@/lib/quotes/highlight';

// Injected into the tab on the user's click (activeTab + scripting.executeScript) when the popup
// opens on a saved page with quotes. It only leaves the function in the extension's own world of
// the page (never the page's): the popup's next injection calls it with the quotes, so no quote
// text waits in a global.
export default defineUnlistedScript(() => {
  (globalThis as { learningLoopHighlight?: (quotes: QuoteToFind[]) => unknown }).learningLoopHighlight = (quotes) =>
    highlightQuotes(document, quotes);
});
