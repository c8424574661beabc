import { useEffect } from 'preact/hooks';
import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { GeneralSettings } from './GeneralSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { WebhookSettings } from './WebhookSettings';
import { SyncSettings } from './SyncSettings';
import { BackupSettings } from './BackupSettings';

/** Each feature owns one settings panel; this page only lays them out. */
export function SettingsSection({ route }: { route: Route }) {
  // "#settings/team-chat" (from the Team page) opens this page at that panel, its heading focused.
  useEffect(() => {
    if (!route.param) return;
    const panel = document.getElementById(route.param);
    if (!panel) return;
    panel.scrollIntoView({ block: 'start' });
    panel.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [route.param]);
  return (
    <>
      <div class="section-head">
        <h1>{t('navSettings')}</h1>
      </div>
      <div class="settings-panels">
        <ScheduleSettings />
        <SyncSettings />
        <WebhookSettings />
        <BackupSettings />
        <GeneralSettings />
      </div>
    </>
  );
}
