import type { FieldConflict } from './conflict';
import type { ItemKind } from './resource';

export type ActionStatus = 'open' | 'done' | 'dropped';

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
