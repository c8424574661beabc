import { clean, compact } from './dom';
import { canonicalOrSelf, extractPage } from './page';
import { selectionPresent } from './selection';
import type { CapturedPage } from '../model/captured-page';

/*
 * What the capture scripts share. Each script's readers live in a module of their own
 * (extract-page.ts, extract-youtube.ts): Readability is CommonJS, which the bundler keeps
 * whole wherever its module is imported, used or not.
 */

/** What a capture script answers: the page, and whether the selection script has a quote to read. */
export type PageAnswer = CapturedPage & { selectionPending?: true };

export type Reader = (doc: Document, url: string) => CapturedPage | null;

export function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    // A page can break any reader (odd markup, a hostile DOM); the next one still gets a go.
    return null;
  }
}

/**
 * The first reader that recognises the page, else its meta tags, else its address and title:
 * synchronous, self-contained and never throws, so the popup always gets something it can save.
 */
export function readWith(readers: readonly Reader[], doc: Document, url: string): CapturedPage {
  for (const read of readers) {
    const page = attempt(() => read(doc, url));
    if (page) return page;
  }
  return (
    attempt(() => extractPage(doc, url)) ??
    compact<CapturedPage>({
      url,
      canonicalUrl: attempt(() => canonicalOrSelf(url)) ?? url,
      kind: 'page',
      title: attempt(() => clean(doc.title)) ?? url,
    })
  );
}

/**
 * Flags a selection for the selection script (/capture-selection.js), which carries the text
 * directive generator: a page read without one never loads it. Text selected in a form field
 * is refused here, since there is nothing to read.
 */
export function withSelection(page: CapturedPage, doc: Document): PageAnswer {
  const selection = attempt(() => selectionPresent(doc));
  if (selection === 'form-field') return { ...page, selectionRefused: 'form-field' };
  return selection === 'text' ? { ...page, selectionPending: true } : page;
}
