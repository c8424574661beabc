import { t } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import type { WebhookSettings } from '@/lib/settings';
import { serviceName } from '@/lib/share/services';
import { maskWebhookUrl } from '@/lib/share/webhook-url';

/** Settings is the one place to set the team's chat; Team says where posts go and links there. */
export const TEAM_CHAT_SETTINGS = routeHash('settings', 'team-chat');

export function TeamChatSummary({ hook }: { hook: WebhookSettings | null | undefined }) {
  return (
    <section class="card panel team-chat-summary" aria-labelledby="team-chat-summary-heading">
      <h2 id="team-chat-summary-heading">{t('webhookHeading')}</h2>
      {hook === undefined ? (
        <div class="skeleton" aria-busy="true" />
      ) : (
        <div class="row">
          <p class={hook ? '' : 'muted'}>
            {hook ? (
              <>
                {t('teamChatConnected', serviceName(hook.service))}{' '}
                <code class="webhook-masked">{maskWebhookUrl(hook.url)}</code>
              </>
            ) : (
              t('teamChatNone')
            )}
          </p>
          <a class="btn btn-small" href={TEAM_CHAT_SETTINGS}>
            {hook ? t('teamChatChange') : t('teamChatSetUp')}
          </a>
        </div>
      )}
    </section>
  );
}
