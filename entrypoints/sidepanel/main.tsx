import { render } from 'preact';
import '@/components/theme.css';
import './sidepanel.css';
import { t } from '@/lib/i18n';
import { startPage } from '@/lib/pages/page-start';
import { PanelApp } from '@/components/sidepanel/PanelApp';

void startPage().then(() => {
  document.title = t('panelTitle');
  render(<PanelApp search={location.search} />, document.getElementById('app')!);
});
