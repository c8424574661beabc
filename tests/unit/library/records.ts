import type { Resource } from '../../../lib/model/resource';

/** A resource record with sensible defaults; tests set what they care about. */
export function resource(overrides: Partial<Resource> & { id: string }): Resource {
  return {
    url: `https://example.org/${overrides.id}`,
    canonicalUrl: `https://example.org/${overrides.id}`,
    kind: 'article',
    title: overrides.id,
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: 1000,
    updatedAt: 1000,
    ...overrides,
  };
}
