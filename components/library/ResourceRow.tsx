import { formatClock, locale, t, type MessageKey } from '@/lib/i18n';
import type { ResourceRow } from '@/lib/library/filter';
import type { Snippet, SnippetField } from '@/lib/library/snippet';
import { useSnippet } from './useSnippet';
import { routeHash } from '@/lib/routes';
import { bylineBesideMeta, kindChip, resourceMetaLine, statusLabel } from '@/lib/format/resource-format';
import { openUrl } from '@/lib/format/resource-links';
import { Thumbnail } from '../Thumbnail';

interface Props {
  row: ResourceRow;
  index: number;
  setSize: number;
  top: number;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  thumbnails: boolean;
  formatDate: (time: number) => string;
  terms?: readonly string[];
}

const MAX_TAGS = 3;

/**
 * A snippet's parts as text, the matched words in <mark>: page and user text never become HTML,
 * and its direction is its own (<bdi>), so it cannot reorder the label before it.
 */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return <bdi>{snippet.parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</bdi>;
}

const SNIPPET_LABEL: Record<SnippetField, MessageKey> = {
  note: 'libSnippetNote',
  takeaway: 'libSnippetTakeaway',
  quote: 'libSnippetQuote',
  clip: 'libSnippetClip',
  tag: 'libSnippetTag',
  people: 'libSnippetPeople',
};

let dateFormat: { locale: string; format: (time: number) => string } | null = null;
/** One date formatter for every row (an Intl formatter per row costs more than the row). */
export function dateFormatter(): (time: number) => string {
  const current = locale();
  if (dateFormat?.locale !== current) {
    const intl = new Intl.DateTimeFormat(current, { dateStyle: 'medium' });
    dateFormat = { locale: current, format: (time) => intl.format(time) };
  }
  return dateFormat.format;
}

export function ResourceRowView({
  row,
  index,
  setSize,
  top,
  selected,
  onToggle,
  thumbnails,
  formatDate,
  terms = [],
}: Props) {
  const titleId = `res-title-${row.id}`;
  // Found by a note, takeaway, quote, clip or tag: the excerpt takes the tags' line, so every
  // row keeps its height.
  const snippet = useSnippet(row.id, row.updatedAt, terms);
  const href = openUrl(row);
  const duration = row.kind === 'video' && row.durationSec ? formatClock(row.durationSec) : undefined;
  const byline = bylineBesideMeta(row);
  return (
    <li
      class={selected ? 'res-row is-selected' : 'res-row'}
      style={{ top: `${top}px` }}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      <input
        type="checkbox"
        class="res-check"
        checked={selected}
        aria-labelledby={titleId}
        onChange={(event) => onToggle(row.id, event.currentTarget.checked)}
      />
      <span class="res-thumb">
        <Thumbnail resource={row} show={thumbnails} size={112} />
        {duration && <span class="res-duration">{duration}</span>}
      </span>
      <div class="res-body">
        <a id={titleId} dir="auto" class="res-title clamp-2" href={routeHash('resource', row.id)}>
          {row.title || t('untitled')}
        </a>
        <p class="res-meta small muted">
          <span class="chip">{kindChip(row)}</span>
          <span
            class={
              row.status === 'learned' ? 'chip chip-accent' : row.status === 'learning' ? 'chip chip-learning' : 'chip'
            }
          >
            {statusLabel(row.status)}
          </span>
          {row.sharedAt !== undefined && <span class="chip chip-accent">{t('sharedWithTeam')}</span>}
          <span class="res-meta-text" dir="auto">
            {resourceMetaLine(row)}
            {byline && (
              <>
                {' · '}
                <bdi class="res-author">{byline}</bdi>
              </>
            )}
          </span>
        </p>
        {snippet ? (
          <p class="res-snippet small clamp-1">
            <span class="res-snippet-field">
              {t(SNIPPET_LABEL[snippet.field])}
              {snippet.where ? ` ${snippet.where}` : ''}:
            </span>{' '}
            <SnippetText snippet={snippet} />
          </p>
        ) : (
          row.tags.length > 0 && (
            <p class="res-tags small">
              {row.tags.slice(0, MAX_TAGS).map((tag) => (
                <span key={tag} class="res-tag" dir="auto">
                  #{tag}
                </span>
              ))}
              {row.tags.length > MAX_TAGS && <span class="muted">+{row.tags.length - MAX_TAGS}</span>}
            </p>
          )
        )}
      </div>
      <div class="res-side small muted">
        <span>{formatDate(row.createdAt)}</span>
        {href && (
          <a
            class="btn btn-ghost btn-small res-open"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            title={t('libOpenOriginal')}
          >
            <span class="visually-hidden">{t('libOpenOriginalOf', row.title)}</span>
            <span aria-hidden="true">↗</span>
          </a>
        )}
      </div>
    </li>
  );
}
