import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { parseRoute, routeHash, type Route, type Section } from '@/lib/library/route';
import { ResourcesSection } from '@/components/library/ResourcesSection';
import { ResourcePage } from '@/components/library/ResourcePage';
import { JournalSection } from '@/components/library/JournalSection';
import { ActionsSection } from '@/components/library/ActionsSection';
import { TeamSection } from '@/components/library/TeamSection';
import { AssessmentSection } from '@/components/library/AssessmentSection';
import { SettingsSection } from '@/components/settings/SettingsSection';
import { WelcomeSection } from '@/components/library/WelcomeSection';

const NAV: { section: Section; label: MessageKey }[] = [
  { section: 'resources', label: 'navResources' },
  { section: 'journal', label: 'navJournal' },
  { section: 'actions', label: 'navActions' },
  { section: 'team', label: 'navTeam' },
  { section: 'assessment', label: 'navAssessment' },
  { section: 'settings', label: 'navSettings' },
];

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App() {
  const route = useRoute();
  const active = route.section === 'resource' ? 'resources' : route.section;
  useEffect(() => {
    const label = NAV.find((n) => n.section === active)?.label;
    document.title = label ? `${t(label)} · ${t('extName')}` : t('extName');
  }, [active]);

  return (
    <div class="library">
      <a class="skip-link" href="#main">{t('skipToContent')}</a>
      <nav class="library-nav" aria-label={t('navLabel')}>
        <a class="brand" href={routeHash('resources')}>
          <img src="/icons/32.png" width="24" height="24" alt="" />
          <span>{t('extName')}</span>
        </a>
        <ul>
          {NAV.map(({ section, label }) => (
            <li key={section}>
              <a href={routeHash(section)} aria-current={active === section ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="library-main" tabIndex={-1}>
        <SectionView route={route} />
      </main>
    </div>
  );
}

function SectionView({ route }: { route: Route }) {
  switch (route.section) {
    case 'resource':
      return <ResourcePage id={route.param ?? ''} />;
    case 'journal':
      return <JournalSection route={route} />;
    case 'actions':
      return <ActionsSection route={route} />;
    case 'team':
      return <TeamSection route={route} />;
    case 'assessment':
      return <AssessmentSection route={route} />;
    case 'settings':
      return <SettingsSection route={route} />;
    case 'welcome':
      return <WelcomeSection />;
    default:
      return <ResourcesSection route={route} />;
  }
}
