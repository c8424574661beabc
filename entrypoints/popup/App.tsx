import type { ComponentType } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { lazyComponent } from '@/components/Lazy';
import { CaptureCard } from '@/components/popup/CaptureCard';
import { WaitingStrip } from '@/components/popup/WaitingStrip';
import { afterSaveAnswered } from '@/lib/pages/first-answer';
import { RecentList } from '@/components/popup/RecentList';

// Saving, the strip naming what waits and the recent list are what every open needs; the cards
// for what waits load with the strip's use (components/popup/WaitingStrip.tsx), the rest after
// Save knows whether the page is saved, instead of before it or beside it.
const dueCard = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazyComponent(() => afterSaveAnswered().then(load), 'nothing');
const BackupReminder = dueCard(() => import('@/components/popup/BackupReminder').then((m) => m.BackupReminder));
const PageQuotes = dueCard(() => import('@/components/popup/PageQuotes').then((m) => m.PageQuotes));
const TeamNews = dueCard(() => import('@/components/popup/TeamNews').then((m) => m.TeamNews));

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
      {/* What waits (a question, today's review, a follow-up, the monthly check) named in one line
          of its own fixed slot, opened in place; the page's own action below it, focused and never
          moved by the strip; then the backup reminder. */}
      <WaitingStrip />
      <CaptureCard />
      <PageQuotes />
      <BackupReminder />
      <TeamNews />
      <RecentList />
    </main>
  );
}
