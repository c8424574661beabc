import type { ActivityType } from './activity';
import type { Clip } from './clip';
import type { FieldConflict } from './conflict';
import type { Quote } from './quote';
import type { Takeaway } from './takeaway';

/** A page saved from the web, or a learning activity with no link (a workshop, a book…). */
export type ResourceKind = 'video' | 'article' | 'page' | 'activity';
export type ResourceStatus = 'queued' | 'learning' | 'learned';
export type SharedHow = 'chat' | 'meeting' | 'demo' | 'write-up';

/** What of a resource the review brings back (and an action can start from). */
export type ItemKind = 'takeaway' | 'quote' | 'clip';
export const ITEM_KINDS: readonly ItemKind[] = ['takeaway', 'quote', 'clip'];

export interface Resource {
  id: string;
  /** Absent for an activity only: nothing pretends to be a link. */
  url?: string;
  canonicalUrl?: string;
  kind: ResourceKind;
  /** An activity's type, the day it happened (YYYY-MM-DD), with whom (free text), a book's ISBN. */
  activityType?: ActivityType;
  happenedOn?: string;
  withWhom?: string;
  isbn?: string;
  title: string;
  site?: string;
  author?: string;
  description?: string;
  thumbnailUrl?: string;
  iconUrl?: string;
  publishedAt?: string;
  durationSec?: number;
  readingMinutes?: number;
  videoId?: string;
  /** Where to resume watching: set at the first save and when the user asks, never by a re-save. */
  positionSec?: number;
  notes: string;
  /** Moments of a video, in video order (database version 5; `timestampNotes` before). */
  clips: Clip[];
  /** Passages kept from the page, in the order they were kept (absent until the first one). */
  quotes?: Quote[];
  /** One per line or bullet, in the order written (database version 6; one text before). */
  takeaways: Takeaway[];
  tags: string[];
  status: ResourceStatus;
  sharedAt?: number;
  sharedHow?: SharedHow;
  createdAt: number;
  updatedAt: number;
  learnedAt?: number;
  /** Texts another writer wrote that could not be merged in (lib/model/merge.ts): kept until the user chooses. */
  conflicts?: FieldConflict[];
}
