import { useState } from 'preact/hooks';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { t, tn } from '@/lib/i18n';
import { dismissUndo, undo } from '@/lib/app/undo';
import { useLatestUndo } from './ResourceHooks';

/** The latest delete, with Undo for as long as the page is open. */
export function ResourceUndo() {
  const deletion = useLatestUndo('resources');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!deletion) return null;
  const text =
    deletion.count === 1 && deletion.label !== undefined
      ? t('libDeletedOne', deletion.label)
      : tn('libDeletedMany', deletion.count);
  const putBack = async () => {
    setBusy(true);
    setError('');
    try {
      await undo(deletion.id);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="res-undo notice notice-warn" role="status">
      <span>{text}</span>
      <button type="button" class="btn btn-small" disabled={busy} onClick={() => void putBack()}>
        {t('libUndo')}
      </button>
      <button
        type="button"
        class="btn btn-small btn-ghost"
        aria-label={t('libDismiss')}
        title={t('libDismiss')}
        onClick={() => dismissUndo(deletion.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
      {error && (
        <span class="notice notice-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
