import type { Chapter } from './chapter';
import type { Resource } from './resource';
import type { SelectedQuote } from './quote';

/** The fields of a resource that capture reads from a page (saveResource caps them). */
type PageFields =
  | 'kind'
  | 'title'
  | 'site'
  | 'author'
  | 'description'
  | 'thumbnailUrl'
  | 'iconUrl'
  | 'publishedAt'
  | 'durationSec'
  | 'readingMinutes'
  | 'videoId'
  | 'positionSec';

/**
 * What capture reads from a tab: a resource's page fields (a web page always has its address),
 * and what the popup offers beside them (chapters, the transcript, a selection to quote).
 */
export interface CapturedPage extends Pick<Resource, PageFields>, Required<Pick<Resource, 'url' | 'canonicalUrl'>> {
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
  /**
   * How surely the selection's link finds it again, as checked against the page: `first` when the
   * passage's words stand in several places and the link opens at the first, `missed` when no
   * link could be checked to reach it. Absent when it finds the passage alone.
   */
  selectionLink?: 'first' | 'missed';
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
