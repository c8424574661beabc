import { useEffect, useRef, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { browser } from 'wxt/browser';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Reflection } from '@/lib/model/reflection';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';
import { promptKey } from '@/lib/prompts/catalogue';
import { queuedResources } from '@/lib/app/prompt-reads';
import { answerPrompt, isSnoozed, skipDuePrompt, snoozeDuePrompt } from '@/lib/app/reflections';
import { logActivity } from '@/lib/app/activities';
import { activityFromAnswer } from '@/lib/activities/activity';
import { askedText, dueToCandidate } from '@/lib/prompts/due';
import { pickMicroLearning } from '@/lib/prompts/micro';
import { openUrl } from '@/lib/format/resource-links';
import { libraryPath } from '@/lib/routes';
import { kindLabel, resourceMetaLine } from '@/lib/format/resource-format';
import { readDraft, writeDraft } from '@/lib/pages/drafts';
import { duePrompt, promptAlarmState, type DuePromptState } from '@/lib/settings';
import { PromptResourceContext } from '@/components/prompts/PromptResourceContext';
import './due-prompt.css';

const DRAFT_KEY = '';
const libraryUrl = browser.runtime.getURL('/library.html');

/**
 * The due reflection prompt, opened from the popup's strip: the question, and Answer opens the box
 * (open at once from the strip, or when a draft waits). What is typed is kept as a draft on every
 * input (the popup closes whenever it loses focus). Renders nothing when no prompt is due. Leaving
 * the box empty is said only once Save answer is pressed, as the follow-up card says its problems:
 * Answer and Save answer are keyed apart, since Answer's element reused as the submit button let
 * the click that opened the box submit it (the browser re-renders between a click's handler and its
 * default action), showing that message before a word was typed.
 */
export function DuePrompt({ startOpen = false }: { startOpen?: boolean }) {
  const [due, setDue] = useState<DuePromptState | null>(null);
  const [answer, setAnswer] = useState('');
  const [saved, setSaved] = useState<Reflection | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<Resource | null>(null);
  const [open, setOpen] = useState(startOpen);
  const textbox = useRef<HTMLTextAreaElement>(null);

  // The prompt shown stays while it is being answered; answered or skipped elsewhere (the
  // journal, another window), nothing is due here either.
  const stored = useStorageItem(duePrompt);
  const alarm = useStorageItem(promptAlarmState);
  useEffect(() => {
    if (stored === undefined || alarm === undefined) return;
    if (stored === null || isSnoozed(alarm)) {
      setDue(null);
      return;
    }
    if (due) return;
    const draft = readDraft(DRAFT_KEY);
    if (draft.answer && draft.answerPromptId === promptKey(stored)) {
      setAnswer(draft.answer);
      setOpen(true);
    }
    setDue(stored);
    let alive = true;
    void queuedResources()
      .catch(() => [] as Resource[])
      .then((queue) => alive && setSuggestion(pickMicroLearning(queue, stored.resourceId)));
    return () => {
      alive = false;
    };
  }, [stored, alarm]);

  // Opened with Answer: the focus goes to the box. Opened for a waiting draft, the page's own
  // action keeps it.
  const focusOnOpen = useRef(false);
  useEffect(() => {
    if (open && focusOnOpen.current) textbox.current?.focus();
    focusOnOpen.current = false;
  }, [open]);

  if (saved) return <SavedConfirmation reflection={saved} />;
  if (!due) return null;

  const prompt = dueToCandidate(due);
  const text = askedText(prompt) || due.text;

  const onInput = (value: string) => {
    setAnswer(value);
    void writeDraft(DRAFT_KEY, { answer: value, answerPromptId: promptKey(due) });
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    if (!answer.trim()) {
      setError(t('promptAnswerEmpty'));
      textbox.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      setSaved(await answerPrompt(prompt, answer));
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  // Skip (not now) or Later (the same question after the snooze): either way the popup stops asking.
  const putAway = (work: () => Promise<void>) => async () => {
    try {
      await work();
      setDue(null);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  const onSkip = putAway(skipDuePrompt);
  const onLater = putAway(() => snoozeDuePrompt());

  return (
    <section class="due-prompt card" aria-labelledby="due-prompt-eyebrow" data-wait="prompt">
      <form class="due-form" onSubmit={(e) => void onSave(e)}>
        <p id="due-prompt-eyebrow" class="due-eyebrow">
          {t('promptDueHeading')}
        </p>
        {open ? (
          <>
            <label for="due-answer" class="due-question">
              {text}
            </label>
            <textarea
              id="due-answer"
              ref={textbox}
              class="input"
              rows={3}
              value={answer}
              maxLength={LIMITS.answer}
              aria-describedby={error ? 'due-error' : undefined}
              onInput={(e) => onInput(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSave(e);
              }}
            />
          </>
        ) : (
          <p class="due-question">{text}</p>
        )}
        {due.resourceId && <PromptResourceContext resourceId={due.resourceId} libraryUrl={libraryUrl} />}
        {error && (
          <p id="due-error" class="notice notice-error small" role="alert">
            {error}
          </p>
        )}
        <div class="row">
          {open ? (
            <button key="save" type="submit" class="btn btn-primary" disabled={busy}>
              {t('promptSaveAnswer')}
            </button>
          ) : (
            <button
              key="open"
              type="button"
              class="btn btn-primary"
              onClick={() => {
                focusOnOpen.current = true;
                setOpen(true);
              }}
            >
              {t('promptAnswerOpen')}
            </button>
          )}
          <button type="button" class="btn btn-ghost" onClick={() => void onLater()}>
            {t('promptLater')}
          </button>
          <button type="button" class="btn btn-ghost" onClick={() => void onSkip()}>
            {t('promptSkip')}
          </button>
          {open && <span class="small muted due-hint">{t('promptSaveHint')}</span>}
        </div>
      </form>
      {open && suggestion && <MicroLearning resource={suggestion} />}
    </section>
  );
}

function MicroLearning({ resource }: { resource: Resource }) {
  const href = openUrl(resource);
  return (
    <aside class="micro" aria-labelledby="micro-heading">
      <p id="micro-heading" class="micro-heading">
        {t('microHeading')}
      </p>
      <p class="micro-title" dir="auto">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {resource.title}
          </a>
        ) : (
          resource.title
        )}
      </p>
      <p class="small muted micro-meta">
        <span class="chip">{kindLabel(resource.kind)}</span> <span>{resourceMetaLine(resource)}</span>
      </p>
    </aside>
  );
}

function SavedConfirmation({ reflection }: { reflection: Reflection }) {
  const [logged, setLogged] = useState<Resource | null>(null);
  const [error, setError] = useState('');
  const actionHref = browser.runtime.getURL(
    `/library.html#actions?from=${encodeURIComponent(`reflection:${reflection.id}`)}` as '/',
  );
  const journalHref = browser.runtime.getURL('/library.html#journal' as '/');
  return (
    <section class="due-prompt card" aria-labelledby="due-saved">
      <p id="due-saved" class="notice notice-ok" role="status">
        {t('promptSavedToJournal')}
      </p>
      <p class="small">{t('promptTurnIntoActionLead')}</p>
      <div class="row">
        <a class="btn btn-small" href={actionHref} target="_blank" rel="noopener">
          {t('promptTurnIntoAction')}
        </a>
        {reflection.promptId === 'noLinkThisWeek' && !logged && (
          <button
            type="button"
            class="btn btn-small"
            onClick={() =>
              void logActivity(activityFromAnswer(reflection.answer, reflection.createdAt)).then(
                (result) => (result.ok ? setLogged(result.resource) : setError(t('libLogProblemTitle'))),
                (e: unknown) => setError(describeWriteError(e)),
              )
            }
          >
            {t('journalLogAsActivity')}
          </button>
        )}
        <a class="btn btn-small btn-ghost" href={journalHref} target="_blank" rel="noopener">
          {t('promptOpenJournal')}
        </a>
      </div>
      {logged && (
        <p class="small" role="status">
          {t('journalLoggedAsActivity', logged.title)}{' '}
          <a href={browser.runtime.getURL(libraryPath('resource', logged.id) as '/')} target="_blank" rel="noopener">
            {t('popupLoggedOpen')}
          </a>
        </p>
      )}
      {error && (
        <p class="notice notice-error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
