import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dismissBackupReminder, popupReminder } from '@/lib/app/backup';
import type { PopupReminder } from '@/lib/backup/reminder';
import { t, tn } from '@/lib/i18n';
import './backup-reminder.css';

const DAY = 86_400_000;

/** Shown when a backup is due (see lib/backup/reminder.ts); "Not now" puts it away for a week. */
export function BackupReminder() {
  // undefined while the check runs: the hidden marker tells tests (and nothing else) it has not decided yet.
  const [reminder, setReminder] = useState<PopupReminder | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    void popupReminder()
      .then((value) => alive && setReminder(value))
      .catch(() => alive && setReminder(null));
    return () => {
      alive = false;
    };
  }, []);

  if (reminder === undefined) return <span class="backup-reminder-pending" aria-busy="true" hidden />;
  if (!reminder) return null;
  const { facts } = reminder;
  const age =
    facts.lastExportAt === null
      ? t('backupReminderNever')
      : tn('backupReminderDays', Math.floor((facts.now - facts.lastExportAt) / DAY));

  return (
    <section class="backup-reminder card" aria-labelledby="backup-reminder-title">
      <h2 id="backup-reminder-title">{t('backupReminderTitle')}</h2>
      <p class="small">
        {age} {t('backupReminderAtRisk')}
      </p>
      <div class="row">
        <a
          class="btn btn-primary btn-small"
          href={browser.runtime.getURL('/library.html#settings' as '/library.html')}
          target="_blank"
          rel="noopener"
        >
          {t('backupReminderAction')}
        </a>
        <button
          type="button"
          class="btn btn-ghost btn-small"
          onClick={() => {
            setReminder(null);
            void dismissBackupReminder();
          }}
        >
          {t('backupReminderLater')}
        </button>
      </div>
    </section>
  );
}
