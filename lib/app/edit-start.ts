import type { ResourceBase, ResourcePatch } from '../model/resource-patch';

// Pure, apart from the commands, so a page can start an edit before the database code has loaded.
const EDITED_FIELDS = ['notes', 'takeaways', 'tags', 'clips', 'quotes'] as const;

/**
 * For a page that edits as the user types: returns the version this edit starts from (what the
 * page last read or wrote of each field in the patch) and moves `lastSeen` on to the edit, since
 * a page's own writes commit in order.
 */
export function startEdit(lastSeen: ResourceBase, patch: ResourcePatch): ResourceBase {
  const startedFrom: ResourceBase = {};
  for (const field of EDITED_FIELDS) {
    if (patch[field] === undefined) continue;
    Object.assign(startedFrom, { [field]: lastSeen[field] });
    Object.assign(lastSeen, { [field]: patch[field] });
  }
  return startedFrom;
}
