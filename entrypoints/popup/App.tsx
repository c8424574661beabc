import type { ComponentType } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { lazyComponent } from '@/components/Lazy';
import { CaptureCard } from '@/components/popup/CaptureCard';
import { afterSaveAnswered } from '@/lib/pages/first-answer';
import { RecentList } from '@/components/popup/RecentList';

// Saving and the recent list are what every open needs; the cards for what is due (most opens:
// nothing) load their code after Save knows whether the page is saved, instead of before it or
// beside it (the review's scheduler, ts-fsrs, only with the first answer).
const dueCard = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazyComponent(() => afterSaveAnswered().then(load), 'nothing');
const DuePrompt = dueCard(() => import('@/components/popup/DuePrompt').then((m) => m.DuePrompt));
const DueReviews = dueCard(() => import('@/components/popup/DueReviews').then((m) => m.DueReviews));
const FollowUpPrompt = dueCard(() => import('@/components/popup/FollowUpPrompt').then((m) => m.FollowUpPrompt));
const BackupReminder = dueCard(() => import('@/components/popup/BackupReminder').then((m) => m.BackupReminder));

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
      {/* The page's own action first (focused, above the fold); then what is due, each compact and
          nothing when nothing is due: the prompt, today's review, a follow-up, the backup reminder. */}
      <CaptureCard />
      <DuePrompt />
      <DueReviews />
      <FollowUpPrompt />
      <BackupReminder />
      <RecentList />
    </main>
  );
}
