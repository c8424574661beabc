import type { ActionSource } from '@/lib/model/action';
import { t } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import { sourceKey } from '@/lib/actions/source';

interface Props {
  source: ActionSource;
  /** Keys `kind:id` of sources that still exist; undefined while unknown (no links yet). */
  existing?: ReadonlySet<string>;
  /** Where links open: the library itself, or a new tab from the popup. */
  libraryUrl?: string;
}

/** "From reflection: …" / "From: <title>": kept from the action's own copy of the title. */
export function SourceLabel({ source, existing, libraryUrl = '' }: Props) {
  if (source.kind === 'none' || !source.id) return null;
  const title = source.title || t('untitled');
  const exists = existing?.has(sourceKey(source));
  const href =
    source.kind === 'resource'
      ? `${libraryUrl}${routeHash('resource', source.id)}`
      : `${libraryUrl}${routeHash('journal')}`;
  const prefix = source.kind === 'resource' ? t('actionFromResource') : t('actionFromReflection');
  return (
    <span class="action-source">
      <span class="action-source-kind">{prefix}</span>{' '}
      {exists ? (
        <a href={href} dir="auto" {...(libraryUrl ? { target: '_blank', rel: 'noopener' } : {})}>
          {title}
        </a>
      ) : (
        <span class="action-source-title" dir="auto">
          {title}
        </span>
      )}
      {existing && !exists && <span class="muted"> {t('actionSourceDeleted')}</span>}
    </span>
  );
}
