/**
 * The seven conditions of a learning environment (DESIGN.md), in the order the check asks.
 * Ids are stored in assessments: add new ones, never rename.
 */
export const CONDITION_IDS = [
  'felt-need',
  'cooperation',
  'recognition',
  'careers',
  'feedback',
  'new-ideas',
  'bottom-up',
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export interface Assessment {
  id: string;
  createdAt: number;
  updatedAt: number;
  scores: Record<string, number>;
  notes?: Record<string, string>;
  note?: string;
}
