import { formatDate, type MessageKey, t } from '@/lib/i18n';
import type { FieldConflict } from '@/lib/model/conflict';

const WHAT: Record<string, MessageKey> = {
  notes: 'libConflictNotes',
  takeaways: 'libConflictTakeaways',
};

/**
 * A text another writer wrote that could not be merged in (lib/model/merge.ts), shown whole beside the
 * field with one click to choose. Every view that shows a text with conflict versions uses it.
 */
export function ConflictNotice({
  conflict,
  onChoose,
}: {
  conflict: FieldConflict;
  onChoose: (conflict: FieldConflict, useIt: boolean) => void;
}) {
  const when = formatDate(conflict.at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="notice notice-warn res-conflict" aria-label={t('libConflictHeading')}>
      <p class="small">
        <strong>{t('libConflictHeading')}</strong> {t(WHAT[conflict.field] ?? 'libConflictText', when)}
      </p>
      <pre class="res-conflict-text" dir="auto">
        {conflict.text}
      </pre>
      <div class="row">
        <button type="button" class="btn btn-small" onClick={() => onChoose(conflict, true)}>
          {t('libConflictUse')}
        </button>
        <button type="button" class="btn btn-small btn-ghost" onClick={() => onChoose(conflict, false)}>
          {t('libConflictKeep')}
        </button>
      </div>
    </section>
  );
}
