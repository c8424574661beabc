import { browser } from 'wxt/browser';
import { followThisSite, type PanelState } from '@/lib/app/side-panel';
import { t } from '@/lib/i18n';
import { formatClock } from '@/lib/infra/video-time';
import type { CapturedPage } from '@/lib/model/captured-page';
import { chapterAt } from '@/lib/model/chapter';
import { routeHash } from '@/lib/routes';
import { PanelClips } from './PanelClips';
import { PanelNote } from './PanelNote';
import { usePanel } from './usePanel';

/** No grant for the tab: a neutral state, never another video's clips, and the way to give one. */
function NoGrant({ refused }: { refused: boolean }) {
  return (
    <section class="card panel-video" aria-labelledby="panel-no-grant">
      <h2 id="panel-no-grant" class="panel-subtitle">
        {t('panelNoGrantTitle')}
      </h2>
      <p class="small">{t('panelNoGrant')}</p>
      {/* The request is the click's first call: after an await the browser would refuse it. */}
      <button type="button" class="btn btn-primary" onClick={() => void followThisSite()}>
        {t('panelFollow')}
      </button>
      {refused && (
        <>
          <p class="small notice" role="status">
            {t('panelRefused')}
          </p>
          <a
            class="btn"
            href={browser.runtime.getURL(`/library.html${routeHash('log')}`)}
            target="_blank"
            rel="noopener"
          >
            {t('popupLogLearning')}
          </a>
        </>
      )}
    </section>
  );
}

/** The video: its title, channel, live time and the chapter at that time. */
function VideoHead({ page, state }: { page: CapturedPage; state: PanelState }) {
  const chapter = chapterAt(page.chapters, state.timeSec);
  const length = page.durationSec ? ` / ${formatClock(page.durationSec)}` : '';
  return (
    <section class="card panel-video" aria-labelledby="panel-video-title">
      <h2 id="panel-video-title" class="panel-video-title" dir="auto">
        {page.title}
      </h2>
      {page.author && (
        <p class="small muted" dir="auto">
          {page.author}
        </p>
      )}
      <p class="small">
        <span class="panel-time" data-testid="panel-time">
          {formatClock(state.timeSec)}
          {length}
        </span>{' '}
        <span class="muted">{state.paused ? t('panelPaused') : t('panelPlaying')}</span>
        {chapter && (
          <>
            {' · '}
            <span dir="auto">{chapter}</span>
          </>
        )}
      </p>
    </section>
  );
}

export function PanelApp({ search }: { search: string }) {
  const state = usePanel(search);
  const { view } = state;
  return (
    <main class="side-panel">
      <header class="side-panel-header">
        <img src="/icons/32.png" width="20" height="20" alt="" />
        <h1>{t('extName')}</h1>
      </header>
      {view.phase === 'looking' && (
        <p class="small muted" role="status">
          {t('panelLooking')}
        </p>
      )}
      {view.phase === 'no-grant' && <NoGrant refused={view.refused === true} />}
      {view.phase === 'not-video' && (
        <p class="small muted" role="status">
          {t('panelNotVideo')}
        </p>
      )}
      {view.phase === 'video' && (
        <>
          <VideoHead page={view.page} state={state} />
          <PanelNote moment={state.moment} timeSec={state.timeSec} />
          <PanelClips key={view.page.canonicalUrl} canonicalUrl={view.page.canonicalUrl} />
        </>
      )}
    </main>
  );
}
