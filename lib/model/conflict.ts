/** A text another writer wrote that could not be merged into the field: shown with one click to choose. */
export interface FieldConflict {
  field: string;
  text: string;
  at: number;
}

const MAX_CONFLICTS = 20;

/** Add a conflict version unless that text is already kept for the field. */
export function withConflict(
  conflicts: readonly FieldConflict[] | undefined,
  field: string,
  text: string,
  at: number,
): FieldConflict[] {
  const list = conflicts ?? [];
  if (list.some((c) => c.field === field && c.text === text)) return [...list];
  return [...list, { field, text, at }].slice(-MAX_CONFLICTS);
}
