import { browser } from 'wxt/browser';
import { LIMITS } from '../infra/limits';
import type { Quote } from '../model/quote';
import { HIGHLIGHT_CSS, type QuoteToFind } from './highlight';

/** What the popup says of a page's quotes: how many are marked, which are not there now. */
export interface QuotesOnPage {
  highlighted: number;
  missing: Quote[];
}

/** The browser calls the popup makes in the tab (the e2e and unit tests run the real ones or fakes). */
export interface InTabDeps {
  injectFile: (tabId: number) => Promise<unknown>;
  callHighlight: (tabId: number, quotes: QuoteToFind[]) => Promise<unknown>;
  insertCss: (tabId: number, css: string) => Promise<unknown>;
}

const defaultDeps: InTabDeps = {
  injectFile: (tabId) => browser.scripting.executeScript({ target: { tabId }, files: ['/highlight-quotes.js'] }),
  callHighlight: async (tabId, quotes) => {
    const results = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised into the tab: it may name nothing outside itself.
      func: (sent: QuoteToFind[]) =>
        (globalThis as { learningLoopHighlight?: (quotes: QuoteToFind[]) => unknown }).learningLoopHighlight?.(sent) ??
        null,
      args: [quotes],
    });
    return results?.[0]?.result;
  },
  insertCss: async (tabId, css) => {
    // Taken out first, so opening the popup again and again does not pile up copies.
    await browser.scripting.removeCSS({ target: { tabId }, css }).catch(() => undefined);
    await browser.scripting.insertCSS({ target: { tabId }, css });
  },
};

const HOWS = new Set(['exact', 'unique', 'approx']);

/**
 * The page's answer crossed from its process: only ids that were sent, each once, with a known
 * way found. A page that changes its own answer can at worst say a quote is missing.
 */
function foundIds(answer: unknown, sent: readonly Quote[]): { drawn: boolean; found: Set<string> } | null {
  if (answer === null || typeof answer !== 'object') return null;
  const { drawn, found } = answer as { drawn?: unknown; found?: unknown };
  if (typeof drawn !== 'boolean' || !Array.isArray(found)) return null;
  const ids = new Set(sent.map((quote) => quote.id));
  const out = new Set<string>();
  for (const item of found.slice(0, sent.length)) {
    const { id, how } = (item ?? {}) as { id?: unknown; how?: unknown };
    if (typeof id === 'string' && ids.has(id) && typeof how === 'string' && HOWS.has(how)) out.add(id);
  }
  return { drawn, found: out };
}

/**
 * Finds the page's kept quotes in the tab and marks them there; undefined when the tab cannot be
 * scripted (the browser's own pages, a page gone meanwhile) or cannot draw highlights.
 */
export async function highlightQuotesInTab(
  tabId: number,
  quotes: readonly Quote[],
  deps: InTabDeps = defaultDeps,
): Promise<QuotesOnPage | undefined> {
  const sent = quotes.slice(0, LIMITS.quotes);
  if (!sent.length) return undefined;
  try {
    await deps.injectFile(tabId);
    const answer = foundIds(
      await deps.callHighlight(
        tabId,
        sent.map(({ id, exact, prefix, suffix }) => ({ id, exact, prefix, suffix })),
      ),
      sent,
    );
    if (!answer?.drawn) return undefined;
    if (answer.found.size) await deps.insertCss(tabId, HIGHLIGHT_CSS);
    return { highlighted: answer.found.size, missing: sent.filter((quote) => !answer.found.has(quote.id)) };
  } catch {
    // The tab refused the script or went away: the popup just says nothing about quotes.
    return undefined;
  }
}
