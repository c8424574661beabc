import type { FieldConflict } from './conflict';

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
