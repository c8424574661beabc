import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { BackupReminder } from '@/components/popup/BackupReminder';
import { CaptureCard } from '@/components/popup/CaptureCard';
import { DuePrompt } from '@/components/popup/DuePrompt';
import { FollowUpPrompt } from '@/components/popup/FollowUpPrompt';
import { RecentList } from '@/components/popup/RecentList';

export function App() {
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icons/32.png" width="20" height="20" alt="" />
        <h1>{t('extName')}</h1>
        <span class="spacer" />
        <a class="btn btn-small" href={browser.runtime.getURL('/library.html')} target="_blank" rel="noopener">
          {t('popupOpenLibrary')}
        </a>
      </header>
      {/* What is due comes first: a reflection, then a follow-up; each renders nothing when nothing is due. */}
      <DuePrompt />
      <FollowUpPrompt />
      <CaptureCard />
      <BackupReminder />
      <RecentList />
    </main>
  );
}
