import { useState } from 'preact/hooks';
import { dismissKeptEdit, listKeptEdits, restoreKeptEdit } from '@/lib/app/kept-edits';
import { t } from '@/lib/i18n';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { routeHash } from '@/lib/routes';
import { useLiveQuery } from '../hooks/live';

/** Shown at a time; deciding one brings the next (at most MAX_KEPT_EDITS are kept). */
const SHOWN = 10;

type Outcome = { tone: 'ok' | 'error'; text: string; id?: string } | null;

/**
 * A resource this device had edited was removed on another device: the removal stands, the edit
 * was kept (lib/model/kept-edit.ts), and the library says so once per resource, with Restore (the
 * resource back, with what was typed) and Dismiss (let it go). Silent when there is none.
 */
export function KeptEditNotices() {
  // A sync's deletion is announced as a change of resources: the list is read again then.
  const kept = useLiveQuery(() => listKeptEdits(), ['resources']);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const edits = kept.data ?? [];

  const restore = async (id: string, title: string) => {
    setBusy(true);
    try {
      const restored = await restoreKeptEdit(id);
      setOutcome(restored ? { tone: 'ok', text: t('libKeptEditRestored', title), id: restored.id } : null);
    } catch (error) {
      setOutcome({ tone: 'error', text: t('libKeptEditFailed', title, describeWriteError(error)) });
    } finally {
      setBusy(false);
      kept.reload();
    }
  };

  const dismiss = async (id: string) => {
    setBusy(true);
    try {
      await dismissKeptEdit(id);
      setOutcome(null);
    } catch (error) {
      setOutcome({ tone: 'error', text: describeWriteError(error) });
    } finally {
      setBusy(false);
      kept.reload();
    }
  };

  return (
    <>
      {edits.slice(0, SHOWN).map(({ record }) => (
        <section
          key={record.id}
          class="notice notice-warn kept-edit"
          role="status"
          aria-label={t('libKeptEditHeading')}
          data-resource={record.id}
        >
          <p>{t('libKeptEditRemoved', record.title)}</p>
          <div class="row">
            <button
              type="button"
              class="btn btn-small btn-primary"
              disabled={busy}
              onClick={() => void restore(record.id, record.title)}
            >
              {t('libKeptEditRestore')}
            </button>
            <button
              type="button"
              class="btn btn-small btn-ghost"
              disabled={busy}
              onClick={() => void dismiss(record.id)}
            >
              {t('libKeptEditDismiss')}
            </button>
          </div>
        </section>
      ))}
      {outcome && (
        <p
          class={`notice ${outcome.tone === 'error' ? 'notice-error' : 'notice-ok'}`}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.id ? <a href={routeHash('resource', outcome.id)}>{outcome.text}</a> : outcome.text}
        </p>
      )}
    </>
  );
}
