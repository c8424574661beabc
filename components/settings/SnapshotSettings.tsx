import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import {
  exportSnapshot,
  listSnapshots,
  snapshotAsFile,
  snapshotNow,
  snapshotsAvailable,
  storageSpace,
  type Snapshot,
} from '@/lib/app/snapshots';
import { STORES } from '@/lib/backup/format';
import { formatBytes, formatDate, t, type MessageKey } from '@/lib/i18n';
import { snapshotSchedule } from '@/lib/settings';
import { snapshotContents, snapshotTime } from './snapshot-format';

const REASON_LABEL: Record<Snapshot['reason'], MessageKey> = {
  auto: 'snapshotReasonAuto',
  import: 'snapshotReasonImport',
  upgrade: 'snapshotReasonUpgrade',
  manual: 'snapshotReasonManual',
};

interface Message {
  tone: 'ok' | 'error';
  text: string;
}

/** Settings → Backup: the automatic snapshots, the room left, and a snapshot on request. */
export function SnapshotSettings({ onRestore, disabled }: { onRestore: (file: File) => void; disabled: boolean }) {
  const [available, setAvailable] = useState<boolean | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const schedule = useStorageItem(snapshotSchedule);
  // Snapshots are files, not a store: the list reloads when the background has taken one (its
  // bookkeeping changes), after one taken here, and after changes to the library.
  const snapshots = useLiveQuery(() => listSnapshots(), STORES, [], { debounceMs: 1000 });
  const space = useLiveQuery(() => storageSpace(), STORES, [], { debounceMs: 1000 });
  const reload = () => {
    snapshots.reload();
    space.reload();
  };
  useEffect(reload, [schedule?.lastAttemptAt]);

  useEffect(() => {
    void snapshotsAvailable().then(setAvailable);
  }, []);

  const onSnapshotNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await snapshotNow();
      setMessage({
        tone: 'ok',
        text: t(outcome.written ? 'snapshotTaken' : outcome.snapshot ? 'snapshotUnchanged' : 'snapshotEmptyLibrary'),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: t('snapshotFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
      reload();
    }
  };

  const onExport = async (snapshot: Snapshot) => {
    setMessage(null);
    try {
      const { fileName } = await exportSnapshot(snapshot);
      setMessage({ tone: 'ok', text: t('snapshotExported', fileName) });
    } catch (error) {
      setMessage({ tone: 'error', text: t('snapshotFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const onRestoreClick = async (snapshot: Snapshot) => {
    setMessage(null);
    try {
      onRestore(await snapshotAsFile(snapshot));
    } catch (error) {
      setMessage({ tone: 'error', text: t('restoreFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const list = snapshots.data ?? [];
  const failedAt = schedule?.lastError && schedule.lastAttemptAt ? schedule.lastAttemptAt : null;
  return (
    <div class="backup-block snapshots" data-ready={snapshots.data && available !== null ? 'true' : undefined}>
      <h3>{t('snapshotsHeading')}</h3>
      <p class="small muted">{t('snapshotsIntro')}</p>
      {space.data && (
        <p class={space.data.low ? 'notice notice-warn' : 'small muted'} role={space.data.low ? 'alert' : undefined}>
          {space.data.low
            ? t('storageLow', formatBytes(space.data.free))
            : t('storageUsage', formatBytes(space.data.usage), formatBytes(space.data.free))}
        </p>
      )}
      {failedAt !== null && (
        <p class="notice notice-warn">
          {t(
            'snapshotLastFailed',
            formatDate(failedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            schedule!.lastError!,
          )}
        </p>
      )}
      {available === false ? (
        <p class="small">{t('snapshotsUnavailable')}</p>
      ) : list.length === 0 ? (
        snapshots.data && <p class="small">{t('snapshotsNone')}</p>
      ) : (
        <ul class="snapshot-list">
          {list.map((snapshot) => (
            <li key={snapshot.id} class="snapshot-item">
              <div>
                <p class="snapshot-when">
                  <time dateTime={new Date(snapshot.at).toISOString()}>{snapshotTime(snapshot)}</time>
                  <span class="chip">{t(REASON_LABEL[snapshot.reason] ?? 'snapshotReasonAuto')}</span>
                </p>
                <p class="small muted">
                  {t('snapshotSummary', snapshotContents(snapshot), formatBytes(snapshot.bytes))}
                </p>
              </div>
              <div class="row snapshot-actions">
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t('snapshotExportLabel', snapshotTime(snapshot))}
                  onClick={() => void onExport(snapshot)}
                >
                  {t('snapshotExport')}
                </button>
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={disabled}
                  aria-label={t('snapshotRestoreLabel', snapshotTime(snapshot))}
                  onClick={() => void onRestoreClick(snapshot)}
                >
                  {t('snapshotRestore')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {available !== false && (
        <div class="row">
          <button type="button" class="btn" disabled={busy || disabled} onClick={() => void onSnapshotNow()}>
            {t('snapshotNow')}
          </button>
        </div>
      )}
      <p
        class={message?.tone === 'error' ? 'notice notice-error' : 'small backup-ok'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
