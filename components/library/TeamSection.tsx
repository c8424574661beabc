import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { DigestPanel } from '@/components/team/DigestPanel';
import { TeachForward } from '@/components/team/TeachForward';
import { useWebhook } from '@/components/team/useWebhook';
import { TeamChatSummary } from '@/components/team/TeamChatSummary';
import '@/components/team/team.css';

/** Share: what is learned but not yet taught, the team digest, and the team's chat. */
export function TeamSection(_props: { route: Route }) {
  const hook = useWebhook();
  return (
    <div class="team-section">
      <div class="section-head">
        <h1>{t('navTeam')}</h1>
      </div>
      <p class="section-intro muted">{t('teamIntro')}</p>
      <div class="team-panels">
        <TeachForward hook={hook} />
        <DigestPanel hook={hook} />
        <TeamChatSummary hook={hook} />
      </div>
    </div>
  );
}
