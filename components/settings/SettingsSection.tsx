import { useEffect, useState } from 'preact/hooks';
import { routeHash, type Route } from '@/lib/routes';
import { t, type MessageKey } from '@/lib/i18n';
import { GeneralSettings } from './GeneralSettings';
import { ScheduleSettings } from './ScheduleSettings';
import { WebhookSettings } from './WebhookSettings';
import { SyncSettings } from './SyncSettings';
import { BackupSettings } from './BackupSettings';
import './settings.css';

/**
 * The page's panels in their order: the id a link (`#settings/<id>`) names, and the heading's id
 * (its text is the link's, so the list says what the page says).
 */
export const SETTINGS_PANELS: readonly { id: string; heading: string; label: MessageKey }[] = [
  { id: 'schedule', heading: 'schedule-heading', label: 'scheduleHeading' },
  { id: 'prompts', heading: 'prompts-heading', label: 'promptsHeading' },
  { id: 'sync', heading: 'sync-heading', label: 'syncHeading' },
  { id: 'team-chat', heading: 'webhook-heading', label: 'webhookHeading' },
  { id: 'backup', heading: 'backup-heading', label: 'backupHeading' },
  { id: 'general', heading: 'general-settings', label: 'settingsGeneral' },
];

/** A panel by its link's id, or (for a panel that names only its heading) the section around that heading. */
function panelOf(id: string): HTMLElement | null {
  const heading = SETTINGS_PANELS.find((panel) => panel.id === id)?.heading;
  return (
    document.getElementById(id) ?? (heading ? (document.getElementById(heading)?.closest('section') ?? null) : null)
  );
}

/** Brings a panel to the top with its heading focused, so a keyboard or screen reader user lands in it. */
function jumpTo(id: string): boolean {
  const panel = panelOf(id);
  if (!panel) return false;
  panel.scrollIntoView({ block: 'start' });
  const heading = panel.querySelector<HTMLElement>('h2');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  return true;
}

/** The panel being read: the last one whose top has passed the upper third of the window. */
function panelInView(): string | undefined {
  const line = innerHeight / 3;
  let current: string | undefined;
  for (const { id } of SETTINGS_PANELS) {
    const panel = panelOf(id);
    if (!panel) continue;
    if (current === undefined || panel.getBoundingClientRect().top <= line) current = id;
  }
  // At the foot of the page the last panels may never reach that line: the last one is being read.
  const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2 && scrollY > 0;
  return atEnd ? SETTINGS_PANELS[SETTINGS_PANELS.length - 1]?.id : current;
}

/** Follows the scroll: which panel the list marks as the one being read. */
function useCurrentPanel(initial: string | undefined): [string | undefined, (id: string) => void] {
  const [current, setCurrent] = useState(initial);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const found = panelInView();
        if (found) setCurrent(found);
      });
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);
  return [current, setCurrent];
}

/** The section list: a link to each panel, the one being read marked. */
function SettingsContents({ current, onJump }: { current: string | undefined; onJump: (id: string) => void }) {
  return (
    <nav class="settings-toc" aria-labelledby="settings-toc-title">
      <h2 id="settings-toc-title" class="settings-toc-title">
        {t('settingsContents')}
      </h2>
      <ul>
        {SETTINGS_PANELS.map(({ id, label }) => (
          <li key={id}>
            <a
              href={routeHash('settings', id)}
              aria-current={current === id ? 'location' : undefined}
              onClick={(event) => {
                // The address changes (the panel can be linked), but the page is not drawn again.
                if (!jumpTo(id)) return;
                event.preventDefault();
                history.replaceState(null, '', routeHash('settings', id));
                onJump(id);
              }}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Each feature owns one settings panel; this page lays them out under a list of them. */
export function SettingsSection({ route }: { route: Route }) {
  // At the top of the page the first panel is the one being read.
  const [current, setCurrent] = useCurrentPanel(route.param ?? SETTINGS_PANELS[0]?.id);
  // "#settings/team-chat" (from the Team page) opens this page at that panel, its heading focused.
  useEffect(() => {
    if (!route.param) return;
    // The panels draw once their settings are read: the jump waits for the panel to be there.
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      if (jumpTo(route.param ?? '')) setCurrent(route.param ?? '');
      else if (tries++ < 60) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [route]);
  return (
    <>
      <div class="section-head">
        <h1>{t('navSettings')}</h1>
      </div>
      <div class="settings-layout">
        <SettingsContents current={current} onJump={setCurrent} />
        <div class="settings-panels">
          <ScheduleSettings />
          <SyncSettings />
          <WebhookSettings />
          <BackupSettings />
          <GeneralSettings />
        </div>
      </div>
    </>
  );
}
