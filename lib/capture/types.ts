import type { ResourceKind } from '../db/types';

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
  /** Where the user was in the video when they saved it. */
  positionSec?: number;
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
