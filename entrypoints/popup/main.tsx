import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { startPage } from '@/lib/pages/page-start';
import { t } from '@/lib/i18n';
import { beginCapture } from '@/components/popup/CaptureCard';
import { App } from './App';
import { afterSaveAnswered } from '@/components/popup/first-answer';

beginCapture();
void startPage(afterSaveAnswered).then(() => {
  document.title = t('extName');
  render(<App />, document.getElementById('app')!);
});
