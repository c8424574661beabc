import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { DigestPanel } from '@/components/team/DigestPanel';
import { TeachForward } from '@/components/team/TeachForward';
import { useWebhook } from '@/components/team/useWebhook';
import { TeamChatSummary } from '@/components/team/TeamChatSummary';
import { FromTheTeam, TeamEnvironment, useTeamSpace } from '@/components/team/TeamSpace';
import { TeamMonthSummary } from '@/components/team/TeamReactions';
import { routeHash } from '@/lib/routes';
import '@/components/team/team.css';

/** Share: what is learned but not yet taught, the team digest, and the team's chat. */
export function TeamSection(_props: { route: Route }) {
  const hook = useWebhook();
  const team = useTeamSpace();
  return (
    <div class="team-section">
      <div class="section-head">
        <h1>{t('navTeam')}</h1>
      </div>
      <p class="section-intro muted">{t('teamIntro')}</p>
      <div class="team-panels">
        {team.space && <FromTheTeam space={team.space} reload={team.reload} />}
        {team.space && <TeamMonthSummary space={team.space} />}
        <TeachForward hook={hook} />
        <DigestPanel hook={hook} />
        {team.space && <TeamEnvironment space={team.space} reload={team.reload} />}
        <TeamChatSummary hook={hook} />
        {team.space === null && (
          <p class="small muted team-space-off">
            {t('teamNotConnected')} <a href={routeHash('settings', 'sync')}>{t('teamOpenSettings')}</a>
          </p>
        )}
      </div>
    </div>
  );
}
