import { type PageAnswer, readWith, withSelection } from './extract';
import { extractPageVideo } from './page-video';
import { extractYouTube } from './youtube';

/**
 * A YouTube video's page (/capture-youtube.js), chosen by the tab's address: its own reader,
 * then the page's `<video>`, with no article reader, which a watch page never needs.
 */
export function extractYouTubeDocument(doc: Document, url: string): PageAnswer {
  return withSelection(readWith([extractYouTube, extractPageVideo], doc, url), doc);
}
