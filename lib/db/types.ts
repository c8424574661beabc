import type { FieldConflict } from '../merge';

/** A page saved from the web, or a learning activity with no link (a workshop, a book…). */
export type ResourceKind = 'video' | 'article' | 'page' | 'activity';

/** What kind of learning an activity was (lib/activities/activity.ts has the labels and rules). */
export const ACTIVITY_TYPES = [
  'followUp',
  'collaboration',
  'customers',
  'behaviour',
  'shadowing',
  'workshop',
  'book',
  'study',
  'course',
  'conference',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type ResourceStatus = 'queued' | 'learning' | 'learned';
export type SharedHow = 'chat' | 'meeting' | 'demo' | 'write-up';

/**
 * A moment (`atSec`) or a segment (`atSec`–`endSec`) of a video, with what the user noted there,
 * the chapter it falls in and, when the page showed its transcript, the lines said around it.
 */
export interface Clip {
  id: string;
  atSec: number;
  endSec?: number;
  note: string;
  chapter?: string;
  transcript?: string[];
  createdAt: number;
}

/**
 * A passage the user kept from a page: the text itself and a little text on either side, so the
 * place can be found again (the W3C Web Annotation TextQuoteSelector: `exact`, `prefix`,
 * `suffix`), and the text directive that brings the browser back to it.
 */
export interface Quote {
  id: string;
  /** The selected text, whitespace folded, capped. */
  exact: string;
  prefix?: string;
  suffix?: string;
  /** A text directive (`text=…`) for `#:~:`, built from the live page when the quote was kept. */
  fragment?: string;
  note: string;
  createdAt: number;
}

/**
 * One thing the user took away from a resource: a line they wrote, with an id that stays when
 * the text is edited, so a review card and an action made from it keep pointing at it.
 */
export interface Takeaway {
  id: string;
  text: string;
  createdAt: number;
}

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
  /** Texts another writer wrote that could not be merged in (lib/merge.ts): kept until the user chooses. */
  conflicts?: FieldConflict[];
}

export interface Reflection {
  id: string;
  promptId: string;
  promptText: string;
  answer: string;
  resourceId?: string;
  /** Title of the resource when answered, so the journal reads well after the resource is deleted. */
  resourceTitle?: string;
  createdAt: number;
  updatedAt: number;
  conflicts?: FieldConflict[];
}

export interface CustomPrompt {
  id: string;
  text: string;
  group: string;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export type ActionStatus = 'open' | 'done' | 'dropped';
/** What of a resource the review brings back (and an action can start from). */
export type ItemKind = 'takeaway' | 'quote' | 'clip';
export const ITEM_KINDS: readonly ItemKind[] = ['takeaway', 'quote', 'clip'];

export interface ActionSource {
  kind: 'reflection' | 'resource' | 'none';
  id?: string;
  /** What the source said when the action was made: kept if the source is deleted. */
  title?: string;
  /** The one takeaway, quote or clip of the resource the action came from. */
  item?: { kind: ItemKind; id: string };
}
export interface Action {
  id: string;
  text: string;
  source: ActionSource;
  followUpAt?: number;
  status: ActionStatus;
  outcome?: string;
  createdAt: number;
  updatedAt: number;
  doneAt?: number;
  conflicts?: FieldConflict[];
}

export interface Assessment {
  id: string;
  createdAt: number;
  updatedAt: number;
  scores: Record<string, number>;
  notes?: Record<string, string>;
  note?: string;
}

/** How the user answered a review card. */
export type ReviewAnswer = 'applied' | 'useful' | 'action' | 'retire';
export const REVIEW_ANSWERS: readonly ReviewAnswer[] = ['applied', 'useful', 'action', 'retire'];

/**
 * The review schedule of one takeaway, quote or clip (database version 6): ts-fsrs's card,
 * stored in plain numbers (times in ms), and what the user answered. `due` is absent once the
 * item is retired, so the `due` index holds only the queue.
 */
export interface ReviewCard {
  /** `<resourceId>/<itemKind>/<itemId>` (reviewCardId), so each item has one card. */
  id: string;
  resourceId: string;
  itemKind: ItemKind;
  itemId: string;
  due?: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  /** ts-fsrs's State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview?: number;
  retiredAt?: number;
  history: { at: number; answer: ReviewAnswer }[];
  createdAt: number;
  updatedAt: number;
}

export type StoreName = 'resources' | 'reflections' | 'prompts' | 'actions' | 'assessments' | 'reviews';
/** The user's stores in export order: resources first, since the others may point at them. */
export const STORE_NAMES: readonly StoreName[] = [
  'resources',
  'reflections',
  'prompts',
  'actions',
  'assessments',
  'reviews',
];

export interface StoredRecords {
  resources: Resource[];
  reflections: Reflection[];
  prompts: CustomPrompt[];
  actions: Action[];
  assessments: Assessment[];
  reviews: ReviewCard[];
}

/**
 * Which database this is. A browser that deletes a damaged database (after a full disk, say)
 * leaves a new one with a new id, so a snapshot of another id is a library this one lost.
 */
export interface DatabaseInstance {
  id: string;
  createdAt: number;
  /** Made from nothing (not by upgrading an older database that had no id yet). */
  fresh: boolean;
  /** Databases whose snapshots the user restored here or turned down: never offered again. */
  settled: string[];
}
