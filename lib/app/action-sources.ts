import {
  existingSources as sourcesFound,
  loadSource as sourceFrom,
  type LoadedSource,
  type SourceReads,
} from '../actions/source';
import { getReflection } from '../db/reflections';
import { getResource } from '../db/resource-reads';
import type { ActionSource } from '../model/action';

/*
 * The records actions start from, as the action views read them. Apart from actions.ts, which the
 * background's follow-up wake and the popup's follow-up card load and which need none of this.
 */

const reads: SourceReads = {
  resource: (id) => getResource(id),
  reflection: (id) => getReflection(id),
};

/** The record an action starts from (`from`: the link's `reflection:<id>` or `resource:<id>…`). */
export function loadSource(from: string | undefined): Promise<LoadedSource | null> {
  return sourceFrom(from, reads);
}

/** Which of the actions' sources still exist. */
export function existingSources(sources: readonly ActionSource[]): Promise<Set<string>> {
  return sourcesFound(sources, reads);
}
