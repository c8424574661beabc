import { useEffect, useState } from 'preact/hooks';
import { getResource } from '@/lib/app/resource-reads';
import { findSnippet, type Snippet } from '@/lib/library/snippet';

// The rows on screen ask again as the list scrolls: one answer per record version and query.
const cache = new Map<string, Snippet | null>();
const CACHE_SIZE = 200;

/**
 * Why a search found the row's record: read from the record itself, for the rows on screen only
 * (the list's table keeps no notes or takeaways), after the results are shown, so a keystroke
 * never waits for it.
 */
export function useSnippet(id: string, updatedAt: number, terms: readonly string[]): Snippet | null {
  const key = terms.length ? `${id}@${updatedAt}:${terms.join(' ')}` : '';
  const [snippet, setSnippet] = useState<Snippet | null>(() => (key ? (cache.get(key) ?? null) : null));
  useEffect(() => {
    if (!key) return setSnippet(null);
    const known = cache.get(key);
    if (known !== undefined) return setSnippet(known);
    let alive = true;
    void getResource(id).then(
      (resource) => {
        const found = resource ? findSnippet(resource, terms) : null;
        cache.set(key, found);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
        if (alive) setSnippet(found);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [key]);
  return snippet;
}
