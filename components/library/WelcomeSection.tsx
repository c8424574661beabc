import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { countReflections } from '@/lib/app/reflections';
import { t, type MessageKey } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import { describeSchedule, formatPromptTime } from '@/lib/prompts/describe';
import { hostTimeZone, nextPromptAt } from '@/lib/prompts/schedule';
import { promptSchedule } from '@/lib/settings';
import { shortcutSettings, useShortcuts } from '@/components/hooks/shortcuts';
import './welcome.css';

const MARK = '\u2063';

const STEPS: { title: MessageKey; body: MessageKey }[] = [
  { title: 'welcomeStepSave', body: 'welcomeStepSaveBody' },
  { title: 'welcomeStepLearn', body: 'welcomeStepLearnBody' },
  { title: 'welcomeStepReflect', body: 'welcomeStepReflectBody' },
  { title: 'welcomeStepAct', body: 'welcomeStepActBody' },
  { title: 'welcomeStepShare', body: 'welcomeStepShareBody' },
];

/** The commands the extension defines (wxt.config.ts), in the order a first week uses them. */
const COMMANDS: { name: string; label: MessageKey }[] = [
  { name: '_execute_action', label: 'welcomeShortcutOpen' },
  { name: 'save-page', label: 'commandSavePage' },
  { name: 'clip-moment', label: 'commandClipMoment' },
  // Chrome's command, and Firefox's own for its sidebar: a browser has one of the two.
  { name: 'open-panel', label: 'commandOpenPanel' },
  { name: '_execute_sidebar_action', label: 'commandOpenPanel' },
];

/** Keys as the browser names them ("Alt+Shift+S"), each in its own key cap. */
function Keys({ keys }: { keys: string }) {
  if (!keys) return <span class="muted">{t('welcomeShortcutNotSet')}</span>;
  return (
    <span class="welcome-keys">
      {keys.split('+').map((key, i) => (
        <span key={i}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}

/** The shortcuts as the user has them now, and where the browser lets them be changed. */
function WelcomeShortcuts() {
  const shortcuts = useShortcuts();
  const place = shortcutSettings();
  const [before = '', after = ''] = t(
    import.meta.env.FIREFOX ? 'welcomeShortcutsChangeFirefox' : 'welcomeShortcutsChange',
    MARK,
  ).split(MARK);
  return (
    <section class="card panel welcome-shortcuts" aria-labelledby="welcome-shortcuts-heading">
      <h2 id="welcome-shortcuts-heading">{t('welcomeShortcutsHeading')}</h2>
      <dl class="welcome-shortcut-list">
        {COMMANDS.map(({ name, label }) => {
          const found = shortcuts.find((s) => s.name === name);
          return found ? (
            <div key={name}>
              <dt>{t(label)}</dt>
              <dd>
                <Keys keys={found.keys} />
              </dd>
            </div>
          ) : null;
        })}
      </dl>
      <p class="small">
        {before}
        <code>{place.address}</code>
        {after}{' '}
        <button type="button" class="btn btn-small" onClick={() => void place.open().catch(() => undefined)}>
          {t('welcomeShortcutsOpen')}
        </button>
      </p>
    </section>
  );
}

/**
 * Opened once, on install: what the extension does, when the first prompt comes, how to change it,
 * the keyboard shortcuts and where to bring links from another tool.
 */
export function WelcomeSection() {
  const schedule = useStorageItem(promptSchedule) ?? null;
  // Once a prompt has been answered, the next one is not "the first" any more.
  const answered = (useLiveQuery(countReflections, ['reflections']).data ?? 0) > 0;

  const next = schedule ? nextPromptAt(Date.now(), schedule, hostTimeZone()) : null;

  return (
    <div class="welcome">
      <header class="welcome-hero">
        <h1>{t('welcomeTitle')}</h1>
        <p class="welcome-lead">{t('welcomeLead')}</p>
      </header>

      <ol class="welcome-steps" aria-label={t('welcomeStepsLabel')}>
        {STEPS.map((step, index) => (
          <li key={step.title} class="card welcome-step">
            <span class="welcome-step-number" aria-hidden="true">
              {index + 1}
            </span>
            <h2>{t(step.title)}</h2>
            <p>{t(step.body)}</p>
          </li>
        ))}
      </ol>

      <section class="card panel welcome-prompt" aria-labelledby="welcome-prompt-heading">
        <h2 id="welcome-prompt-heading">{t('welcomePromptHeading')}</h2>
        {schedule === null ? null : next !== null ? (
          <>
            <p class="welcome-next">
              {t(answered ? 'welcomeNextPrompt' : 'welcomeFirstPrompt', formatPromptTime(next))}
            </p>
            <p>{t('welcomeScheduleNow', describeSchedule(schedule))}</p>
          </>
        ) : (
          <p class="welcome-next">{t('welcomePromptsOff')}</p>
        )}
        <p>{t('welcomeHowToChange')}</p>
        <p>
          <a class="btn" href={routeHash('settings')}>
            {t('welcomeOpenSettings')}
          </a>
        </p>
      </section>

      <WelcomeShortcuts />

      <section class="card panel welcome-import" aria-labelledby="welcome-import-heading">
        <h2 id="welcome-import-heading">{t('welcomeImportHeading')}</h2>
        <p>{t('welcomeImportBody')}</p>
        <p>
          <a href={routeHash('settings', 'backup')}>{t('welcomeImportLink')}</a>
        </p>
      </section>

      <section class="welcome-start">
        <p class="muted">{t('welcomeTip')}</p>
        <a class="btn btn-primary" href={routeHash('resources')}>
          {t('welcomeStart')}
        </a>
      </section>
    </div>
  );
}
