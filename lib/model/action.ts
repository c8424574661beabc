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
  /**
   * A teammate's shared item the action came from (I'll try this on the Team page): its author and
   * their resource's id, so the follow-up can tell them it was tried. The resource is the saved copy.
   */
  team?: { author: string; resourceId: string };
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
