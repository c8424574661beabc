import type { SharedItem } from '../../../lib/team/documents';

export const NOW = Date.UTC(2026, 11, 7, 12);

/** A teammate's (bob's) published item, within every cap. */
export function teamItem(fields: Partial<SharedItem> = {}): SharedItem {
  return {
    _id: 'shared/bob/r1',
    type: 'shared',
    author: 'bob',
    resourceId: 'r1',
    kind: 'video',
    title: 'A talk',
    url: 'https://www.youtube.com/watch?v=abcdefghijk',
    sharedAt: NOW - 86_400_000,
    publishedAt: NOW - 86_400_000,
    ...fields,
  };
}
