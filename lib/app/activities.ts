import { type ActivityInput, type ActivityProblem, activityRecord, checkActivity } from '../activities/activity';
import { addResource } from '../db/resources';
import type { Resource } from '../model/resource';
import { newId } from '../infra/ids';
import { announceResources } from './commit';

/**
 * Log learning that has no link (a workshop, a book, a day shadowing a colleague): a resource of
 * kind `activity`. Returns the form's problems instead when it is not complete. Its own module,
 * so the popup loads it with the form and not in its first render.
 */
export async function logActivity(
  input: ActivityInput,
  now = Date.now(),
): Promise<{ ok: true; resource: Resource } | { ok: false; problems: ActivityProblem[] }> {
  const problems = checkActivity(input, now);
  if (problems.length) return { ok: false, problems };
  const resource = await addResource(activityRecord(input, newId(), now));
  void announceResources([resource]);
  return { ok: true, resource };
}
