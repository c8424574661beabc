import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { countReflections } from '@/lib/app/reflections';
import { t, type MessageKey } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import { describeSchedule, formatPromptTime } from '@/lib/prompts/describe';
import { hostTimeZone, nextPromptAt } from '@/lib/prompts/schedule';
import { promptSchedule } from '@/lib/settings';
import './welcome.css';

const STEPS: { title: MessageKey; body: MessageKey }[] = [
  { title: 'welcomeStepSave', body: 'welcomeStepSaveBody' },
  { title: 'welcomeStepLearn', body: 'welcomeStepLearnBody' },
  { title: 'welcomeStepReflect', body: 'welcomeStepReflectBody' },
  { title: 'welcomeStepAct', body: 'welcomeStepActBody' },
  { title: 'welcomeStepShare', body: 'welcomeStepShareBody' },
];

/** Opened once, on install: what the extension does, when the first prompt comes, how to change it. */
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

      <section class="welcome-start">
        <p class="muted">{t('welcomeTip')}</p>
        <a class="btn btn-primary" href={routeHash('resources')}>
          {t('welcomeStart')}
        </a>
      </section>
    </div>
  );
}
