import type { Action } from './action';
import type { Assessment } from './assessment';
import type { CustomPrompt } from './prompt';
import type { Reflection } from './reflection';
import type { Resource } from './resource';
import type { ReviewCard } from './review-card';

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

/** Every store, empty. */
export function emptyStoredRecords(): StoredRecords {
  return { resources: [], reflections: [], prompts: [], actions: [], assessments: [], reviews: [] };
}

/** One record of any store. */
export type StoreRecord = StoredRecords[StoreName][number];

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
