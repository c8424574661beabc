import { extractArticle } from './article';
import { attempt, type PageAnswer, readWith, withSelection } from './extract';
import { extractPageVideo, hasEmbeddedPlayer } from './page-video';

/** Any page but a YouTube video's (/capture.js): its own video, an article, or its meta tags. */
export function extractPageDocument(doc: Document, url: string): PageAnswer {
  const page = readWith([extractPageVideo, extractArticle], doc, url);
  if (page.kind !== 'video' && attempt(() => hasEmbeddedPlayer(doc))) page.embeddedVideo = true;
  return withSelection(page, doc);
}
