import { useRef, useState } from 'preact/hooks';
import { typeQuote, type TypedQuoteResult } from '@/lib/app/quotes';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';

const EMPTY = { text: '', page: '', loc: '', note: '' };

/** Why a typed quote was not kept, in the words the form shows beside its button. */
function refusal(problem: NonNullable<TypedQuoteResult['problem']>): string {
  switch (problem) {
    case 'empty':
      return t('libQuoteAddEmpty');
    case 'too-long':
      return t('libQuoteAddTooLong', String(LIMITS.quote));
    case 'location-too-long':
      return t('libQuoteAddLocationTooLong', String(LIMITS.quoteLocation));
    case 'note-too-long':
      return t('libQuoteAddNoteTooLong', String(LIMITS.quoteNote));
    case 'already':
      return t('libQuoteAddAlready');
    case 'too-many':
      return t('libQuoteAddTooMany', String(LIMITS.quotes));
    case 'gone':
      return t('libQuoteAddGone');
  }
}

/**
 * "Add a quote": a passage typed from a book or anything read away from a page, with its page or
 * location and a note. Nothing is said before the user tries to add; a refusal says why beside
 * the button and keeps every field as typed; after adding, the form is empty for the next one.
 */
export function QuoteForm({ resource, onStored }: { resource: Resource; onStored: (resource: Resource) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [problem, setProblem] = useState('');
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const set = (field: keyof typeof EMPTY) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((before) => ({ ...before, [field]: value }));
    setSaid('');
    setProblem('');
  };

  const add = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await typeQuote(resource.id, draft);
      if (result.problem) {
        setProblem(refusal(result.problem));
        setSaid('');
        return;
      }
      onStored(result.resource);
      setDraft(EMPTY);
      setProblem('');
      setSaid(t('libQuoteAdded'));
    } catch (error) {
      // What was typed stays in the form.
      setProblem(describeWriteError(error));
    } finally {
      setBusy(false);
      textBox.current?.focus();
    }
  };

  return (
    <form
      class="res-quote-add"
      aria-labelledby="res-quote-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <h3 id="res-quote-add-title">{t('libQuoteAddTitle')}</h3>
      <p class="small muted">{t('libQuoteAddHint')}</p>
      <label class="field">
        <span>{t('libQuoteAddText')}</span>
        <textarea
          ref={textBox}
          class="input res-quote-add-text"
          rows={3}
          dir="auto"
          value={draft.text}
          onInput={set('text')}
          onKeyDown={(event) => {
            // Enter breaks the line, as in any passage; Ctrl or Cmd+Enter adds.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
              event.preventDefault();
              void add();
            }
          }}
        />
      </label>
      <div class="res-quote-add-where">
        <label class="field">
          <span>{t('libQuoteAddPage')}</span>
          <input
            class="input res-quote-add-page"
            type="text"
            dir="auto"
            value={draft.page}
            maxLength={LIMITS.quoteLocation}
            onInput={set('page')}
          />
        </label>
        <label class="field">
          <span>{t('libQuoteAddLoc')}</span>
          <input
            class="input res-quote-add-loc"
            type="text"
            dir="auto"
            value={draft.loc}
            maxLength={LIMITS.quoteLocation}
            onInput={set('loc')}
          />
        </label>
      </div>
      <label class="field">
        <span>{t('libQuoteAddNote')}</span>
        <textarea class="input res-quote-add-note" rows={1} dir="auto" value={draft.note} onInput={set('note')} />
      </label>
      <p class="row res-quote-add-foot">
        <button type="submit" class="btn btn-small" disabled={busy}>
          {t('libQuoteAddButton')}
        </button>
        {problem && (
          <span class="small res-quote-add-problem" role="alert">
            {problem}
          </span>
        )}
        {said && !problem && (
          <span class="small muted" role="status">
            {said}
          </span>
        )}
      </p>
    </form>
  );
}
