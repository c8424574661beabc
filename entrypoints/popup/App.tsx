import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { lazyComponent } from '@/components/Lazy';
import { CaptureCard } from '@/components/popup/CaptureCard';
import { RecentList } from '@/components/popup/RecentList';

// Saving and the recent list are what every open needs; the cards for what is due (most opens:
// nothing) load their code beside the first render instead of before it.
const DuePrompt = lazyComponent(() => import('@/components/popup/DuePrompt').then((m) => m.DuePrompt), 'nothing');
const FollowUpPrompt = lazyComponent(
  () => import('@/components/popup/FollowUpPrompt').then((m) => m.FollowUpPrompt),
  'nothing',
);
const BackupReminder = lazyComponent(
  () => import('@/components/popup/BackupReminder').then((m) => m.BackupReminder),
  'nothing',
);

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
