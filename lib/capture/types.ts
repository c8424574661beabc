import type { Chapter } from '../clips/chapters';
import type { ResourceKind } from '../db/types';
import type { SelectedQuote } from '../quotes/quote';

/** What capture reads from a tab; saveResource caps and stores it. */
export interface CapturedPage {
  url: string;
  canonicalUrl: string;
  kind: ResourceKind;
  title: string;
  site?: string;
  author?: string;
  description?: string;
  thumbnailUrl?: string;
  iconUrl?: string;
  /** ISO 8601 */
  publishedAt?: string;
  durationSec?: number;
  readingMinutes?: number;
  videoId?: string;
  /** Where the user is in the video now. */
  positionSec?: number;
  /** The video's chapters, from the page's own data for this very video (or its description). */
  chapters?: Chapter[];
  /** The chapter the player shows at `positionSec` (when the page's data has none). */
  chapterNow?: string;
  /** What was said around `positionSec`, when the page shows the video's transcript. */
  transcriptNow?: string[];
  /** The page shows a video from another site in an iframe, which capture cannot read. */
  embeddedVideo?: boolean;
  /** What the user had selected on the page: a quote to keep. */
  selection?: SelectedQuote;
  /** A selection that cannot be a quote (text typed in a form field). */
  selectionRefused?: 'form-field';
}

export type CaptureFailure = 'restricted' | 'loading' | 'pdf' | 'file-access' | 'unsupported-url' | 'script-failed';

export type CaptureResult =
  | { ok: true; page: CapturedPage }
  | {
      ok: false;
      reason: CaptureFailure;
      /** URL and title from the tab, when it is a web URL: still savable. */
      fallback?: CapturedPage;
    };
