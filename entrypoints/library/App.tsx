import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { parseRoute, routeHash, type Route, type Section } from '@/lib/routes';
import { ResourcesSection } from '@/components/library/ResourcesSection';
import { lazyComponent } from '@/components/Lazy';
import { startSyncHere } from '@/lib/app/sync-start';

// Resources is what the library opens on; every other view loads its code when first shown.
const ResourcePage = lazyComponent(() => import('@/components/library/ResourcePage').then((m) => m.ResourcePage));
const LogSection = lazyComponent(() => import('@/components/library/LogSection').then((m) => m.LogSection));
const ReviewSection = lazyComponent(() => import('@/components/library/ReviewSection').then((m) => m.ReviewSection));
const JournalSection = lazyComponent(() => import('@/components/library/JournalSection').then((m) => m.JournalSection));
const ActionsSection = lazyComponent(() => import('@/components/library/ActionsSection').then((m) => m.ActionsSection));
const TeamSection = lazyComponent(() => import('@/components/library/TeamSection').then((m) => m.TeamSection));
const AssessmentSection = lazyComponent(() =>
  import('@/components/library/AssessmentSection').then((m) => m.AssessmentSection),
);
const SettingsSection = lazyComponent(() =>
  import('@/components/settings/SettingsSection').then((m) => m.SettingsSection),
);
const WelcomeSection = lazyComponent(() => import('@/components/library/WelcomeSection').then((m) => m.WelcomeSection));
// The restore offer and the low-space warning: after the first screen, and nothing while all is well.
const StorageNotices = lazyComponent(
  () => import('@/components/library/StorageNotices').then((m) => m.StorageNotices),
  'nothing',
);

const NAV: { section: Section; label: MessageKey }[] = [
  { section: 'resources', label: 'navResources' },
  { section: 'review', label: 'reviewNav' },
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
  const active = route.section === 'resource' || route.section === 'log' ? 'resources' : route.section;
  // Sync while the library is open (nothing while no server is connected).
  useEffect(() => startSyncHere(true), []);
  useEffect(() => {
    const label = NAV.find((n) => n.section === active)?.label;
    document.title = label ? `${t(label)} · ${t('extName')}` : t('extName');
  }, [active]);

  return (
    <div class="library">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
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
        <StorageNotices />
        <SectionView route={route} />
      </main>
    </div>
  );
}

function SectionView({ route }: { route: Route }) {
  switch (route.section) {
    case 'resource':
      return <ResourcePage id={route.param ?? ''} />;
    case 'log':
      return <LogSection />;
    case 'review':
      return <ReviewSection />;
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
