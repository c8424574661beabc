import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { GeneralSettings } from './GeneralSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { WebhookSettings } from './WebhookSettings';
import { BackupSettings } from './BackupSettings';

/** Each feature owns one settings panel; this page only lays them out. */
export function SettingsSection(_props: { route: Route }) {
  return (
    <>
      <div class="section-head">
        <h1>{t('navSettings')}</h1>
      </div>
      <div class="settings-panels">
        <ScheduleSettings />
        <WebhookSettings />
        <BackupSettings />
        <GeneralSettings />
      </div>
    </>
  );
}
