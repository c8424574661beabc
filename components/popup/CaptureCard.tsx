import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { libraryPath } from '@/lib/routes';
import { captureFailureMessage } from '@/lib/capture/capture-tab';
import type { CapturedPage } from '@/lib/model/captured-page';
import {
  type Capture,
  type CaptureState,
  ensureCaptureSaved,
  saveCapture,
  saveQuote,
  typeNote,
  typeQuoteNote,
  typeTags,
} from '@/lib/app/capture-flow';
import { afterSaveAnswered } from '@/lib/pages/first-answer';
import { useShowThumbnails } from '@/components/hooks/live';
import type { Resource } from '@/lib/model/resource';
import { t } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';
import { clipPositionLabel, kindLabel, resourceMetaLine } from '@/lib/format/resource-format';
import { Thumbnail } from '../Thumbnail';
import { lazyComponent } from '../Lazy';
import { type FocusTargets, useCapture, useFirstFocus } from './useCapture';

// The popup's script starts reading its tab from here (entrypoints/popup/main.tsx).

// Only a video gets the clip box: its code loads when one is shown, not in every popup's first paint.
const ClipBox = lazyComponent(() => import('./ClipBox').then((m) => m.ClipBox), 'nothing');
// Logging learning with no link opens a form: its code loads when asked for.
const ActivityForm = lazyComponent(
  () => import('@/components/activities/ActivityForm').then((m) => m.ActivityForm),
  'nothing',
);

/**
 * The popup's card for its tab's page: it shows the capture (lib/app/capture-flow.ts decides it)
 * and calls its commands.
 */
export function CaptureCard({ autoFocus = true }: { autoFocus?: boolean }) {
  const flow = useCapture();
  const { capture, saved } = flow;
  // The setting's storage read waits, as the rest does, for Save's one question (first-answer.ts).
  const thumbs = useShowThumbnails(afterSaveAnswered);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<Resource | null>(null);
  const page = capture.phase === 'ready' ? capture.page : null;
  const beforeReading = capture.phase === 'ready' && capture.beforeReading === true;
  const videoTakesFocus = page?.kind === 'video' && saved !== null && !page.selection;
  const focus = useFirstFocus(autoFocus, flow, videoTakesFocus);

  return (
    <section
      class="capture card"
      aria-labelledby="capture-title"
      aria-busy={capture.phase === 'capturing' || beforeReading}
    >
      <CaptureHead capture={capture} thumbs={thumbs} />
      <CaptureNotices capture={capture} />
      <QuoteBox flow={flow} />
      {page?.kind === 'video' && !beforeReading && (
        <ClipBox page={page} saved={saved} focusFirst={autoFocus && videoTakesFocus} ensureSaved={ensureCaptureSaved} />
      )}
      {page && <NoteFields flow={flow} />}
      <CaptureActions
        flow={flow}
        focus={focus}
        logging={logging}
        onLog={() => {
          setLogging(!logging);
          setLogged(null);
        }}
      />
      {logging && (
        <div class="log-box">
          <ActivityForm
            full={false}
            idPrefix="popup-log"
            onLogged={(resource) => {
              setLogging(false);
              setLogged(resource);
            }}
            onCancel={() => setLogging(false)}
          />
        </div>
      )}
      {logged && (
        <p class="small" role="status">
          {t('popupLogged')}{' '}
          <a href={resourceUrl(logged)} target="_blank" rel="noopener">
            {t('popupLoggedOpen')}
          </a>
        </p>
      )}
    </section>
  );
}

const resourceUrl = (resource: Resource) => browser.runtime.getURL(libraryPath('resource', resource.id) as '/');

/** The page as capture found it (or that it is being read, or that nothing here can be saved). */
function CaptureHead({ capture, thumbs }: { capture: Capture; thumbs: boolean }) {
  if (capture.phase === 'capturing')
    return (
      <div class="capture-head">
        <span class="thumb thumb-placeholder" aria-hidden="true" />
        <p id="capture-title" class="muted">
          {t('popupReadingPage')}
        </p>
      </div>
    );
  if (capture.phase === 'unsavable')
    return (
      <p id="capture-title" class="capture-title">
        {t('popupNothingToSave')}
      </p>
    );
  const { page } = capture;
  const position = page.kind === 'video' ? clipPositionLabel(page.positionSec) : undefined;
  return (
    <div class="capture-head">
      <Thumbnail resource={page} show={thumbs} />
      <div>
        <p id="capture-title" class="capture-title clamp-2" dir="auto">
          {page.title || t('untitled')}
        </p>
        <p class="capture-meta small muted">
          <span class="chip">{kindLabel(page.kind)}</span>
          <span>{resourceMetaLine(page)}</span>
          {position && <span class="chip chip-accent">{position}</span>}
        </p>
      </div>
    </div>
  );
}

/** What capture could not do: read the page, see into an embedded player, quote text in a field. */
function CaptureNotices({ capture }: { capture: Capture }) {
  const failure = capture.phase === 'capturing' ? undefined : capture.failure;
  const page: CapturedPage | null = capture.phase === 'ready' ? capture.page : null;
  return (
    <>
      {failure && (
        <p class="notice notice-warn" role="status">
          {captureFailureMessage(failure, capture.phase === 'ready')}
        </p>
      )}
      {page?.embeddedVideo && (
        <p class="notice notice-warn small" role="status">
          {t('clipEmbeddedPlayer')}
        </p>
      )}
      {page?.selectionRefused && (
        <p class="notice notice-warn small" role="status">
          {t('popupQuoteInField')}
        </p>
      )}
    </>
  );
}

/** The page's selection, to keep as a quote with a note (Enter keeps it). */
function QuoteBox({ flow: { capture, quoteNote, keptQuote } }: { flow: CaptureState }) {
  const selection = capture.phase === 'ready' ? capture.page.selection : undefined;
  if (!selection) return null;
  return (
    <figure class="quote-box">
      <figcaption class="small muted">{t('popupSelection')}</figcaption>
      <blockquote class="quote-box-text clamp-4" dir="auto">
        {selection.exact}
      </blockquote>
      {capture.phase === 'ready' && capture.page.selectionLink && (
        <p class="small muted quote-box-link">
          {t(capture.page.selectionLink === 'first' ? 'quoteLinkFirst' : 'quoteLinkMissed')}
        </p>
      )}
      <label class="field">
        <span class="small">{t('popupQuoteNote')}</span>
        <input
          class="input"
          type="text"
          value={quoteNote}
          maxLength={LIMITS.quoteNote}
          onInput={(e) => typeQuoteNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !keptQuote) {
              e.preventDefault();
              void saveQuote();
            }
          }}
        />
      </label>
    </figure>
  );
}

/** The page's note and tags: a draft before Save, the record's own after (saved as typed). */
function NoteFields({ flow: { saved, note, tags } }: { flow: CaptureState }) {
  return (
    <>
      <label class="field">
        <span>{saved ? t('popupNotes') : t('popupAddNote')}</span>
        <textarea
          class="input"
          rows={saved ? 3 : 2}
          value={note}
          maxLength={LIMITS.notes}
          onInput={(e) => typeNote(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('popupTags')}</span>
        <input
          class="input"
          type="text"
          value={tags}
          placeholder={t('popupTagsPlaceholder')}
          onInput={(e) => typeTags(e.currentTarget.value)}
        />
      </label>
    </>
  );
}

interface ActionsProps {
  flow: CaptureState;
  focus: FocusTargets;
  logging: boolean;
  onLog: () => void;
}

/** Save as quote, Open its page, Save this page (or Update from the page), Log learning, and what the last one did. */
function CaptureActions({ flow: { capture, saved, busy, keptQuote, message }, focus, logging, onLog }: ActionsProps) {
  const page = capture.phase === 'ready' ? capture.page : null;
  return (
    <div class="capture-actions">
      {page?.selection && (
        <button
          ref={focus.quote}
          type="button"
          class="btn btn-primary"
          disabled={busy || keptQuote !== null}
          onClick={() => void saveQuote()}
        >
          {keptQuote ? `✓ ${t('popupQuoteSavedButton')}` : t('popupSaveQuote')}
        </button>
      )}
      {/* Where nothing can be saved, no disabled Save: only what can be done (Log learning). */}
      {/* Saved already: what is typed here saves as it goes, so the page's own page is next, and
          the button says what it does now (read the page again: title, length, chapters). */}
      {saved && (
        <a
          ref={focus.open}
          class={page?.selection || page?.kind === 'video' ? 'btn' : 'btn btn-primary'}
          href={resourceUrl(saved)}
          target="_blank"
          rel="noopener"
        >
          {t('popupOpenItsPage')}
        </a>
      )}
      {capture.phase !== 'unsavable' && (
        <button
          ref={focus.save}
          type="button"
          class={saved ? 'btn btn-ghost' : page?.selection ? 'btn' : 'btn btn-primary'}
          disabled={!page || busy}
          onClick={() => void saveCapture()}
        >
          {saved ? t('popupUpdateFromPage') : t('popupSavePage')}
        </button>
      )}
      <button
        ref={focus.log}
        type="button"
        class={capture.phase === 'unsavable' ? 'btn btn-primary' : 'btn btn-ghost'}
        aria-expanded={logging}
        onClick={onLog}
      >
        {t('popupLogLearning')}
      </button>
      {message && (
        <p
          class={`small ${message.tone === 'error' ? 'notice notice-error' : 'muted'}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
