import { useEffect, useState } from 'preact/hooks';
import { getResource } from '@/lib/app/resources';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { capLine } from '@/lib/infra/limits';
import { routeHash } from '@/lib/routes';
import '@/components/review/review.css';

const SHOWN_TAKEAWAYS = 3;
const SHOWN_QUOTES = 2;
const EXCERPT = 200;

/**
 * Beside a prompt about a saved resource: what the user already took from it (takeaways and
 * quotes), so the answer builds on it, and a link to its page. Nothing when it has neither.
 */
export function PromptResourceContext({ resourceId, libraryUrl = '' }: { resourceId: string; libraryUrl?: string }) {
  const [resource, setResource] = useState<Resource | null>(null);
  useEffect(() => {
    let alive = true;
    void getResource(resourceId).then(
      (found) => alive && setResource(found ?? null),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [resourceId]);
  if (!resource) return null;
  const takeaways = resource.takeaways.slice(0, SHOWN_TAKEAWAYS);
  const quotes = (resource.quotes ?? []).slice(-SHOWN_QUOTES);
  const href = `${libraryUrl}${routeHash('resource', resource.id)}`;
  return (
    <aside class="prompt-context" aria-labelledby="prompt-context-heading">
      <p id="prompt-context-heading" class="small">
        <a href={href} {...(libraryUrl ? { target: '_blank', rel: 'noopener' } : {})}>
          {t('promptContextHeading', capLine(resource.title, 80) || t('untitled'))}
        </a>
      </p>
      {takeaways.length > 0 && (
        <ul class="prompt-context-list small">
          {takeaways.map((item) => (
            <li key={item.id} dir="auto">
              {capLine(item.text, EXCERPT)}
            </li>
          ))}
        </ul>
      )}
      {quotes.map((quote) => (
        <blockquote key={quote.id} class="prompt-context-quote small" dir="auto">
          “{capLine(quote.exact, EXCERPT)}”
        </blockquote>
      ))}
      {!takeaways.length && !quotes.length && <p class="small muted">{t('promptContextEmpty')}</p>}
    </aside>
  );
}
