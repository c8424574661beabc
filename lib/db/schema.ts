import type { DBSchema } from 'idb';
import type { ResourceWriteLog } from './write-log-entries';
import type { KeptEdits } from '../model/kept-edit';
import type { Action } from '../model/action';
import type { Assessment } from '../model/assessment';
import type { CustomPrompt } from '../model/prompt';
import type { DatabaseInstance } from '../model/stores';
import type { Reflection } from '../model/reflection';
import type { Resource } from '../model/resource';
import type { ReviewCard } from '../model/review-card';

export const DB_NAME = 'learning-loop';
/** Bump with a new `if (oldVersion < N)` step in upgrade.ts and a fixture in tests/fixtures/db/. */
export const DB_VERSION = 7;

export interface LoopDB extends DBSchema {
  resources: {
    key: string;
    value: Resource;
    indexes: {
      canonicalUrl: string;
      tags: string;
      createdAt: number;
      updatedAt: number;
      status: string;
      sharedAt: number;
    };
  };
  reflections: {
    key: string;
    value: Reflection;
    indexes: { createdAt: number; promptId: string; resourceId: string; updatedAt: number };
  };
  prompts: {
    key: string;
    value: CustomPrompt;
    indexes: { createdAt: number; updatedAt: number };
  };
  actions: {
    key: string;
    value: Action;
    indexes: {
      createdAt: number;
      status: string;
      followUpAt: number;
      statusFollowUpAt: [string, number];
      updatedAt: number;
    };
  };
  assessments: {
    key: string;
    value: Assessment;
    indexes: { createdAt: number; updatedAt: number };
  };
  /** One card per takeaway, quote and clip (v6): the `due` index is the review queue. */
  reviews: {
    key: string;
    value: ReviewCard;
    indexes: { due: number; resourceId: string; updatedAt: number };
  };
  /**
   * About the database itself (not exported): which one this is, for the automatic snapshots, and
   * the log of resource writes (write-log.ts) that copies kept elsewhere check themselves against,
   * and edits that met a deletion from another device (`keptEdits`, lib/model/kept-edit.ts).
   */
  meta: {
    key: 'instance' | 'resourceWrites' | 'keptEdits';
    value: DatabaseInstance | ResourceWriteLog | KeptEdits;
  };
}
