import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PromptResourceContext } from '@/components/prompts/PromptResourceContext';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import { listCustomPrompts } from '@/lib/app/prompts';
import {
  answerPrompt,
  chooseAnswerVersion,
  deleteReflection,
  editReflection,
  listReflections,
  passOverPrompt,
} from '@/lib/app/reflections';
import { ConflictNotice } from '@/components/ConflictNotice';
import { logActivity } from '@/lib/app/activities';
import { getResource } from '@/lib/app/resources';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Reflection } from '@/lib/model/reflection';
import { formatDate, formatNumber, t, tn } from '@/lib/i18n';
import { isFormattableTime } from '@/lib/infra/time';
import { LIMITS } from '@/lib/infra/limits';
import { routeHash, type Route } from '@/lib/routes';
import {
  BUILT_IN_PROMPTS,
  FREE_WRITING_ID,
  freeWritingCandidate,
  isResourcePromptId,
  newestQuote,
  promptKey,
  type PromptCandidate,
} from '@/lib/prompts/catalogue';
import { quoteExcerpt } from '@/lib/model/quote';
import { activityFromAnswer } from '@/lib/activities/activity';
import { choosePrompt } from '@/lib/app/prompt-reads';
import { describeSchedule, formatPromptTime } from '@/lib/prompts/describe';
import { askedText, dueToCandidate } from '@/lib/prompts/due';
import {
  dateKey,
  groupByWeek,
  newestFirst,
  UNKNOWN_WEEK,
  searchReflections,
  weekStart,
  type WeekGroup,
} from '@/lib/prompts/journal';
import { hostTimeZone, nextPromptAt } from '@/lib/prompts/schedule';
import { streakDays } from '@/lib/prompts/streak';
import { duePrompt, type PromptSchedule, promptSchedule } from '@/lib/settings';
import './journal.css';
import { ErrorNotice, UndoNotice } from '@/components/Notices';
import { ShowMore } from '@/components/list/ShowMore';
import { type ListFocus, useFocusWhen, useListFocus, useShownCount } from '@/components/list/shown';

const DAY = 86_400_000;
/** Answers drawn at first, and with each "Show more": a screen or two of reading. */
export const JOURNAL_PAGE = 50;

/** The journal asking `prompt`: its address, so Back returns to the question before. */
function askedHash(prompt: Pick<PromptCandidate, 'promptId' | 'resourceId'>): string {
  return routeHash('journal', undefined, {
    prompt: prompt.promptId,
    ...(prompt.resourceId ? { resource: prompt.resourceId } : {}),
  });
}

/** Resolve `#journal?prompt=<id>[&resource=<id>]` to a prompt to answer. */
async function promptFromRoute(query: Record<string, string>, now: number): Promise<PromptCandidate | null> {
  const id = query.prompt;
  if (!id) return null;
  if (id === FREE_WRITING_ID) return freeWritingCandidate();
  const resourceId = query.resource || undefined;
  const due = await duePrompt.getValue();
  if (due && due.promptId === id && (due.resourceId ?? undefined) === resourceId) return dueToCandidate(due);
  const builtIn = BUILT_IN_PROMPTS.find((p) => p.id === id);
  if (builtIn) return { promptId: builtIn.id, group: builtIn.group, kind: 'builtIn' };
  if (isResourcePromptId(id) && resourceId) {
    const resource = await getResource(resourceId);
    if (!resource) return null;
    return {
      promptId: id,
      group: 'resources',
      kind: 'resource',
      resourceId,
      resourceTitle: resource.title,
      days: Math.floor((now - resource.createdAt) / DAY),
      ...(id === 'resourceQuote' && newestQuote(resource) ? { quote: quoteExcerpt(newestQuote(resource)!) } : {}),
    };
  }
  const custom = (await listCustomPrompts()).find((p) => p.id === id);
  return custom ? { promptId: custom.id, group: 'own', kind: 'custom', text: custom.text } : null;
}

export function JournalSection({ route }: { route: Route }) {
  const live = useLiveQuery(listReflections, ['reflections']);
  const reflections = live.data ?? null;
  const [writeError, setLoadError] = useState('');
  const loadError = writeError || (live.error ? describeWriteError(live.error) : '');
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState<PromptCandidate | null>(null);
  const [askedMissing, setAskedMissing] = useState(false);
  const schedule = useStorageItem(promptSchedule) ?? null;
  const { offer: undo, remove, takeBack } = useUndoOffer(setLoadError);
  const [justSaved, setJustSaved] = useState<Reflection | null>(null);
  const timeZone = hostTimeZone();

  const promptParam = route.query.prompt ?? '';
  const resourceParam = route.query.resource ?? '';
  useEffect(() => {
    let alive = true;
    setAskedMissing(false);
    void promptFromRoute(route.query, Date.now()).then((p) => {
      if (!alive) return;
      setAsked(p);
      setAskedMissing(!p && !!promptParam);
    });
    return () => {
      alive = false;
    };
  }, [promptParam, resourceParam]);

  const filtered = useMemo(() => newestFirst(searchReflections(reflections ?? [], query)), [reflections, query]);
  const shown = useShownCount(JOURNAL_PAGE, query);
  const weeks = useMemo(() => groupByWeek(filtered.slice(0, shown.count), timeZone), [filtered, shown.count, timeZone]);
  // `#journal?reflection=<id>` (from a resource's page): that answer is drawn, in view and focused.
  const linked = route.query.reflection ?? '';
  const linkedIndex = linked ? filtered.findIndex((r) => r.id === linked) : -1;
  const focus = useListFocus(linked, linkedIndex >= 0, () => shown.reveal(linkedIndex));
  const showMore = () => {
    focus.next(filtered[shown.count]);
    shown.showMore();
  };
  const streak = useMemo(
    () =>
      streakDays(
        (reflections ?? []).map((r) => r.createdAt),
        Date.now(),
        timeZone,
      ),
    [reflections, timeZone],
  );

  const reflectNow = async () => {
    const p = await choosePrompt(Date.now());
    if (p) location.hash = askedHash(p);
  };

  const onDelete = (reflection: Reflection) => remove(() => deleteReflection(reflection.id));

  const total = reflections?.length ?? 0;

  return (
    <div class="journal">
      <div class="section-head">
        <h1>{t('navJournal')}</h1>
        {total > 0 && (
          <span class={streak > 0 ? 'chip chip-accent journal-streak' : 'chip journal-streak'}>
            {streak === 0 ? t('journalStreakNone') : tn('journalStreak', streak)}
          </span>
        )}
        {!asked && total > 0 && (
          <div class="row journal-head-actions">
            <button type="button" class="btn" onClick={() => void reflectNow()}>
              {t('journalReflectNow')}
            </button>
            <a class="btn" href={askedHash(freeWritingCandidate())}>
              {t('journalWriteFreely')}
            </a>
          </div>
        )}
      </div>

      {asked && (
        <AnswerCard
          prompt={asked}
          onSaved={(r) => {
            setJustSaved(r);
            location.hash = routeHash('journal');
          }}
        />
      )}
      {askedMissing && <p class="notice notice-warn">{t('journalPromptGone')}</p>}
      {justSaved && !asked && (
        <p class="notice notice-ok journal-saved" role="status">
          {t('promptSavedToJournal')}{' '}
          <a href={routeHash('actions', undefined, { from: `reflection:${justSaved.id}` })}>
            {t('promptTurnIntoAction')}
          </a>
        </p>
      )}
      {undo && <UndoNotice text={t('journalDeleted')} undoLabel={t('journalUndo')} onUndo={() => void takeBack()} />}
      <ErrorNotice message={loadError} />

      {reflections === null ? null : total === 0 ? (
        <JournalEmpty schedule={schedule} asked={asked !== null} onReflect={() => void reflectNow()} />
      ) : (
        <>
          <JournalTools
            query={query}
            onQuery={(value) => {
              setQuery(value);
              focus.clear();
            }}
            matches={filtered.length}
            total={total}
          />
          {weeks.length === 0 && <p class="empty">{t('journalNoMatch', query)}</p>}
          {weeks.map((week) => (
            <WeekSection
              key={week.key}
              week={week}
              timeZone={timeZone}
              focusOf={focus.of}
              onFocused={focus.clear}
              onDelete={onDelete}
            />
          ))}
          <ShowMore
            shown={Math.min(shown.count, filtered.length)}
            total={filtered.length}
            page={JOURNAL_PAGE}
            onMore={showMore}
          />
        </>
      )}
    </div>
  );
}

/** No answer yet: when the first prompt comes, and how to answer one now. */
function JournalEmpty({
  schedule,
  asked,
  onReflect,
}: {
  schedule: PromptSchedule | null;
  /** A prompt is being answered already (no second way to start one). */
  asked: boolean;
  onReflect: () => void;
}) {
  const next = schedule ? nextPromptAt(Date.now(), schedule, hostTimeZone()) : null;
  return (
    <div class="empty journal-empty">
      <h2>{t('journalEmptyTitle')}</h2>
      <p>{t('journalEmptyBody')}</p>
      <p>
        {schedule && next !== null
          ? t('journalEmptyNext', formatPromptTime(next), describeSchedule(schedule))
          : t('journalEmptyOff')}
      </p>
      <div class="row journal-empty-actions">
        {!asked && (
          <>
            <button type="button" class="btn btn-primary" onClick={onReflect}>
              {t('journalReflectNow')}
            </button>
            <a class="btn" href={askedHash(freeWritingCandidate())}>
              {t('journalWriteFreely')}
            </a>
          </>
        )}
        <a class="btn" href={routeHash('settings')}>
          {t('journalChangeSchedule')}
        </a>
      </div>
    </div>
  );
}

/** The journal's search, and how many answers it shows. */
function JournalTools({
  query,
  onQuery,
  matches,
  total,
}: {
  query: string;
  onQuery: (query: string) => void;
  matches: number;
  total: number;
}) {
  return (
    <div class="journal-tools">
      <label class="field journal-search">
        <span>{t('journalSearch')}</span>
        <input class="input" type="search" value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      </label>
      <p class="small muted" aria-live="polite">
        {query ? t('journalMatches', formatNumber(matches), formatNumber(total)) : tn('journalCount', total)}
      </p>
    </div>
  );
}

function weekLabel(week: WeekGroup, timeZone: string): string {
  if (week.key === UNKNOWN_WEEK) return t('dateUnknown');
  const thisWeek = dateKey(weekStart(Date.now(), timeZone));
  const lastWeek = dateKey(weekStart(Date.now() - 7 * DAY, timeZone));
  if (week.key === thisWeek) return t('journalThisWeek');
  if (week.key === lastWeek) return t('journalLastWeek');
  const { year, month, day } = week.start;
  return t(
    'journalWeekOf',
    formatDate(Date.UTC(year, month - 1, day), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
}

function WeekSection({
  week,
  timeZone,
  focusOf,
  onFocused,
  onDelete,
}: {
  week: WeekGroup;
  timeZone: string;
  focusOf: (id: string) => ListFocus['how'] | null;
  onFocused: () => void;
  onDelete: (r: Reflection) => Promise<void>;
}) {
  const headingId = `week-${week.key}`;
  return (
    <section class="journal-week" aria-labelledby={headingId}>
      <h2 id={headingId}>{weekLabel(week, timeZone)}</h2>
      <ol class="journal-list">
        {week.items.map((r) => (
          <li key={r.id}>
            <Entry reflection={r} focused={focusOf(r.id)} onFocused={onFocused} onDelete={onDelete} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** When the answer was written, and the resource it was about. */
function EntryMeta({ reflection }: { reflection: Reflection }) {
  return (
    <p class="small muted journal-meta">
      <time
        dateTime={isFormattableTime(reflection.createdAt) ? new Date(reflection.createdAt).toISOString() : undefined}
      >
        {formatDate(reflection.createdAt, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
        })}
      </time>
      {reflection.resourceTitle && (
        <span class="chip" dir="auto">
          {reflection.resourceTitle}
        </span>
      )}
    </p>
  );
}

function Entry({
  reflection,
  focused,
  onFocused,
  onDelete,
}: {
  reflection: Reflection;
  /** The answer a link or "Show more" leads to: it takes the focus, and the page scrolls to it. */
  focused: ListFocus['how'] | null;
  onFocused: () => void;
  onDelete: (r: Reflection) => Promise<void>;
}) {
  const article = useFocusWhen<HTMLElement>(focused, onFocused);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(reflection.answer);
  const [error, setError] = useState('');
  const editor = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const promptId = `entry-prompt-${reflection.id}`;

  useEffect(() => {
    if (editing) editor.current?.focus();
  }, [editing]);

  const save = async () => {
    setError('');
    try {
      await editReflection(reflection.id, text);
      setEditing(false);
      requestAnimationFrame(() => editButton.current?.focus());
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  const remove = () => onDelete(reflection);

  return (
    <article ref={article} tabIndex={-1} class="card journal-entry" aria-labelledby={promptId}>
      <h3 id={promptId} class="journal-prompt" dir="auto">
        {reflection.promptId === FREE_WRITING_ID ? t('prompt_freeWriting') : reflection.promptText}
      </h3>
      <EntryMeta reflection={reflection} />
      {editing ? (
        <div class="stack">
          <label class="field">
            <span>{t('journalEditLabel')}</span>
            <textarea
              ref={editor}
              class="input"
              rows={4}
              value={text}
              maxLength={LIMITS.answer}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <div class="row">
            <button type="button" class="btn btn-primary btn-small" onClick={() => void save()}>
              {t('journalSaveEdit')}
            </button>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                setText(reflection.answer);
                setEditing(false);
              }}
            >
              {t('journalCancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="journal-answer" dir="auto">
            {reflection.answer}
          </p>
          {(reflection.conflicts ?? []).map((conflict) => (
            <ConflictNotice
              key={`${conflict.at}:${conflict.text.length}`}
              conflict={conflict}
              onChoose={(c, useIt) =>
                void chooseAnswerVersion(reflection.id, c, useIt).catch((e: unknown) => setError(describeWriteError(e)))
              }
            />
          ))}
        </>
      )}
      <ErrorNotice message={error} small />
      {!editing && (
        <div class="row journal-entry-actions">
          <button
            ref={editButton}
            type="button"
            class="btn btn-small btn-ghost"
            aria-describedby={promptId}
            onClick={() => setEditing(true)}
          >
            {t('journalEdit')}
          </button>
          <button
            type="button"
            class="btn btn-small btn-ghost btn-danger"
            aria-describedby={promptId}
            onClick={() => void remove()}
          >
            {t('journalDelete')}
          </button>
          <a
            class="btn btn-small btn-ghost"
            href={routeHash('actions', undefined, { from: `reflection:${reflection.id}` })}
            aria-describedby={promptId}
          >
            {t('promptTurnIntoAction')}
          </a>
          {reflection.promptId === 'noLinkThisWeek' && !reflection.resourceId && (
            <button
              type="button"
              class="btn btn-small btn-ghost"
              aria-describedby={promptId}
              onClick={() =>
                void logActivity(activityFromAnswer(reflection.answer, reflection.createdAt)).then(
                  (result) => {
                    if (result.ok) location.hash = routeHash('resource', result.resource.id);
                    else setError(t('libLogProblemTitle'));
                  },
                  (e: unknown) => setError(describeWriteError(e)),
                )
              }
            >
              {t('journalLogAsActivity')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/**
 * "Another question" and free writing from a question, or a question from free writing. The
 * questions passed over this time are remembered, so a new one comes each time until every one
 * was offered; the typed answer stays in the box (the card is not remade).
 */
function useOtherQuestions(prompt: PromptCandidate, setError: (message: string) => void) {
  const passedOver = useRef<string[]>([]);
  const [note, setNote] = useState('');
  const free = prompt.promptId === FREE_WRITING_ID;
  useEffect(() => setNote(''), [prompt.promptId, prompt.resourceId]);
  const another = async () => {
    setNote('');
    try {
      const key = promptKey(prompt);
      const seen = free ? passedOver.current : [...passedOver.current.filter((k) => k !== key), key];
      const next = await choosePrompt(Date.now(), Math.random, seen);
      if (!next) {
        setNote(t('journalNoOtherQuestion'));
        return;
      }
      await passOverPrompt(prompt);
      // Every question offered once: the round starts again from the one that came back.
      passedOver.current = seen.includes(promptKey(next)) ? [] : seen;
      location.hash = askedHash(next);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  return { free, note, another };
}

/** A prompt ready to answer at the top of the journal (from a notification, "Reflect now" or "Write freely"). */
function AnswerCard({ prompt, onSaved }: { prompt: PromptCandidate; onSaved: (r: Reflection) => void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const text = askedText(prompt);
  const { free, note, another } = useOtherQuestions(prompt, setError);

  useEffect(() => {
    box.current?.focus();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!answer.trim()) {
      setError(t(free ? 'journalFreeWritingEmpty' : 'promptAnswerEmpty'));
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      onSaved(await answerPrompt(prompt, answer));
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card panel journal-answer-card" onSubmit={(e) => void save(e)}>
      <p class="due-eyebrow">{t('promptDueHeading')}</p>
      <label for="journal-answer" class="journal-question" aria-live="polite">
        {text}
      </label>
      {free && <p class="small muted journal-free-hint">{t('journalFreeWritingHint')}</p>}
      {prompt.resourceId && <PromptResourceContext resourceId={prompt.resourceId} />}
      <textarea
        id="journal-answer"
        ref={box}
        class="input"
        rows={free ? 8 : 4}
        value={answer}
        maxLength={LIMITS.answer}
        onInput={(e) => setAnswer(e.currentTarget.value)}
      />
      <ErrorNotice message={error} small />
      {note && (
        <p class="small muted" role="status">
          {note}
        </p>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t(free ? 'journalSaveFreeWriting' : 'promptSaveAnswer')}
        </button>
        <button type="button" class="btn" onClick={() => void another()}>
          {t(free ? 'journalAskMeAQuestion' : 'journalAnotherQuestion')}
        </button>
        {!free && (
          <a class="btn" href={askedHash(freeWritingCandidate())}>
            {t('journalWriteFreely')}
          </a>
        )}
        <a class="btn btn-ghost" href={routeHash('journal')}>
          {t('journalCancel')}
        </a>
      </div>
    </form>
  );
}
