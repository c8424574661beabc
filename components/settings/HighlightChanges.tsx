import { useStorageItem } from '@/components/hooks/live';
import type { ImportChanges, ImportSource } from '@/lib/backup/import';
import { formatNumber, t, tn, type MessageKey } from '@/lib/i18n';
import { IMPORTED_REVIEWS_PER_DAY } from '@/lib/model/review-card';
import { importedReviewsPerDay } from '@/lib/settings';

/** Readwise's CSV and a Kindle's clippings arrive as books with quotes, not as links. */
export function isHighlights(source: ImportSource): source is 'readwise' | 'kindle' {
  return source === 'readwise' || source === 'kindle';
}

/** The preview of a file of highlights: books and quotes new, updated and unchanged, and what is left out. */
export function HighlightChanges({ highlights }: { highlights: ImportChanges['highlights'] }) {
  const perDay = useStorageItem(importedReviewsPerDay) ?? IMPORTED_REVIEWS_PER_DAY;
  const none = { added: 0, updated: 0, unchanged: 0 };
  const rows: [MessageKey, typeof none][] = [
    ['backupChangesBooks', highlights?.books ?? none],
    ['backupChangesQuotes', highlights?.quotes ?? none],
  ];
  const columns: MessageKey[] = ['backupChangesNew', 'backupChangesUpdated', 'backupChangesUnchanged'];
  const skipped = highlights?.skipped ?? 0;
  return (
    <>
      <table class="backup-changes">
        <caption>{t('backupChangesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backupChangesKind')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              {[counts.added, counts.updated, counts.unchanged].map((count, index) => (
                <td key={columns[index]} class={index === 0 && count > 0 ? 'is-added' : undefined}>
                  {formatNumber(count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {skipped > 0 && <p class="small">{tn('backupChangesHighlightsSkipped', skipped)}</p>}
      <p class="small muted">{tn('backupChangesHighlightsNote', perDay)}</p>
    </>
  );
}
