import { useState } from 'preact/hooks';
import { describeWriteError } from '@/lib/db/errors';
import { formatNumber, t } from '@/lib/i18n';
import { dismissDeletion, undoDeletion } from '@/lib/library/undo';
import { useLatestDeletion } from './ResourceHooks';

/** The latest delete, with Undo for as long as the page is open. */
export function ResourceUndo() {
  const deletion = useLatestDeletion();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!deletion) return null;
  const first = deletion.records[0];
  const text = deletion.records.length === 1 && first ? t('libDeletedOne', first.title) : t('libDeletedMany', formatNumber(deletion.records.length));
  const undo = async () => {
    setBusy(true);
    setError('');
    try {
      await undoDeletion(deletion.id);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="res-undo notice notice-warn" role="status">
      <span>{text}</span>
      <button type="button" class="btn btn-small" disabled={busy} onClick={() => void undo()}>
        {t('libUndo')}
      </button>
      <button type="button" class="btn btn-small btn-ghost" aria-label={t('libDismiss')} title={t('libDismiss')} onClick={() => dismissDeletion(deletion.id)}>
        <span aria-hidden="true">×</span>
      </button>
      {error && <span class="notice notice-error" role="alert">{error}</span>}
    </div>
  );
}
