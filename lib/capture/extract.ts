import { extractArticle } from './article';
import { clean, compact } from './dom';
import { canonicalOrSelf, extractPage } from './page';
import { extractPageVideo, hasEmbeddedPlayer } from './page-video';
import type { CapturedPage } from './types';
import { extractYouTube } from './youtube';

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    // A page can break any reader (odd markup, a hostile DOM); the next one still gets a go.
    return null;
  }
}

/**
 * Runs inside the user's tab (injected as /capture.js), so it is synchronous, self-contained
 * and never throws: the popup always gets something it can save.
 */
export function extractFromDocument(doc: Document, url: string): CapturedPage {
  const page = readPage(doc, url);
  if (page.kind !== 'video' && attempt(() => hasEmbeddedPlayer(doc))) page.embeddedVideo = true;
  return page;
}

function readPage(doc: Document, url: string): CapturedPage {
  return (
    attempt(() => extractYouTube(doc, url)) ??
    attempt(() => extractPageVideo(doc, url)) ??
    attempt(() => extractArticle(doc, url)) ??
    attempt(() => extractPage(doc, url)) ??
    compact<CapturedPage>({
      url,
      canonicalUrl: attempt(() => canonicalOrSelf(url)) ?? url,
      kind: 'page',
      title: attempt(() => clean(doc.title)) ?? url,
    })
  );
}
