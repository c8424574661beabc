import type { FieldConflict } from '../merge';

export type ResourceKind = 'video' | 'article' | 'page';
export type ResourceStatus = 'queued' | 'learning' | 'learned';
export type SharedHow = 'chat' | 'meeting' | 'demo' | 'write-up';

export interface TimestampNote {
  atSec: number;
  text: string;
}

export interface Resource {
  id: string;
  url: string;
  canonicalUrl: string;
  kind: ResourceKind;
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
  positionSec?: number;
  notes: string;
  timestampNotes: TimestampNote[];
  takeaways: string;
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
export interface ActionSource {
  kind: 'reflection' | 'resource' | 'none';
  id?: string;
  /** What the source said when the action was made: kept if the source is deleted. */
  title?: string;
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

export type StoreName = 'resources' | 'reflections' | 'prompts' | 'actions' | 'assessments';
