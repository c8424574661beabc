import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { startPage } from '@/lib/pages/page-start';
import { t } from '@/lib/i18n';
import { beginCapture } from '@/lib/app/capture-flow';
import { App } from './App';
import { afterSaveAnswered } from '@/lib/pages/first-answer';

beginCapture();
void startPage(afterSaveAnswered).then(() => {
  document.title = t('extName');
  render(<App />, document.getElementById('app')!);
});
// The popup's one sync pass (a storage read while no server is connected), from the commands'
// chunk, which loads once Save's first question is answered: never in the first render.
void afterSaveAnswered()
  .then(() => import('@/lib/app/popup-commands'))
  .then(({ startSyncHere }) => startSyncHere(false));
