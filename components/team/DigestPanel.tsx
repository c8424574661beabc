import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { conditionById } from '@/lib/assessment/conditions';
import { digestTopic } from '@/lib/settings';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { formatNumber, t, type MessageKey } from '@/lib/i18n';
import { toDateInput } from '@/lib/actions/follow-up';
import { copyText, downloadText, type ClipboardLike } from '@/lib/share/copy';
import { collectDigest } from '@/lib/app/share-reads';
import { digestFileName, digestMarkdown, type Digest } from '@/lib/share/digest';
import { customPeriod, PERIOD_PRESETS, periodFor, type Period, type PeriodPreset } from '@/lib/share/period';
import type { WebhookSettings } from '@/lib/settings';
import { PostToChat } from './PostToChat';
import { chatPreview, splitCardLinks, type ChatPreview } from '@/lib/share/preview';
import { serviceName } from '@/lib/share/services';
import { DateField } from '@/components/fields/DateField';

const PRESET_LABELS: Record<PeriodPreset, MessageKey> = {
  'this-week': 'digestPeriodThisWeek',
  'last-week': 'digestPeriodLastWeek',
  'this-month': 'digestPeriodThisMonth',
  'last-month': 'digestPeriodLastMonth',
};

type Choice = PeriodPreset | 'custom';

/** How long the "Copied" confirmation stays. */
export const COPIED_MS = 4_000;

interface Props {
  hook: WebhookSettings | null | undefined;
  /** Tests pass a clipboard stub; the page uses navigator.clipboard. */
  clipboard?: ClipboardLike;
}

/** The team digest for a period: a Markdown preview, Copy, download as .md, post to the team's chat. */
export function DigestPanel({ hook, clipboard }: Props) {
  const [choice, setChoice] = useState<Choice>('this-week');
  const [from, setFrom] = useState(() => toDateInput(periodFor('this-week', Date.now()).start));
  const [to, setTo] = useState(() => toDateInput(Date.now()));
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Copy and Download give Markdown, so that is the preview until the user asks for the chat's.
  const [previewAs, setPreviewAs] = useState<'markdown' | 'chat'>('markdown');
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const period: Period | null = choice === 'custom' ? customPeriod(from, to) : periodFor(choice, Date.now());
  const periodKey = period ? `${period.start}-${period.end}` : '';

  const topicSetting = useStorageItem(digestTopic);
  const topicCondition = topicSetting ? conditionById(topicSetting.conditionId) : undefined;
  const topic =
    topicSetting && topicCondition
      ? { name: t(topicCondition.name), score: topicSetting.score, suggestion: t(topicCondition.suggestion) }
      : undefined;
  const live = useLiveQuery(
    () => (period ? collectDigest(period, topic ? { topic } : {}) : Promise.resolve(null)),
    ['resources', 'actions'],
    [periodKey, topicSetting?.conditionId ?? '', topicSetting?.assessmentId ?? ''],
  );
  const digest: Digest | null = live.data ?? null;
  const error = live.error ? describeWriteError(live.error) : '';

  useEffect(() => () => clearTimeout(timer.current), []);

  const markdown = digest ? digestMarkdown(digest) : '';

  const onCopy = async () => {
    const ok = await copyText(markdown, clipboard);
    setCopyState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    if (ok) timer.current = setTimeout(() => setCopyState('idle'), COPIED_MS);
  };

  return (
    <section class="card panel digest-panel" aria-labelledby="digest-heading">
      <h2 id="digest-heading">{t('digestHeading')}</h2>
      <p class="muted">{t('digestIntro')}</p>
      <div class="digest-controls">
        <div class="field">
          <label class="label" for="digest-period">
            {t('digestPeriodLabel')}
          </label>
          <select
            id="digest-period"
            class="input"
            value={choice}
            onChange={(event) => setChoice(event.currentTarget.value as Choice)}
          >
            {PERIOD_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(PRESET_LABELS[preset])}
              </option>
            ))}
            <option value="custom">{t('digestPeriodCustom')}</option>
          </select>
        </div>
        {choice === 'custom' && (
          <>
            <DateField label={t('digestFrom')} value={from} onValue={setFrom} />
            <DateField label={t('digestTo')} value={to} onValue={setTo} />
          </>
        )}
      </div>
      {choice === 'custom' && !period && (
        <p class="notice notice-warn" role="alert">
          {t('digestPeriodInvalid')}
        </p>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="digest-preview-wrap">
        <div class="digest-preview-head">
          <h3 id="digest-preview-label" class="label">
            {t('digestPreview')}
          </h3>
          {hook && (
            <fieldset class="digest-preview-as">
              <legend class="visually-hidden">{t('digestPreviewAs')}</legend>
              <label class="radio-pill">
                <input
                  type="radio"
                  name="digest-preview-as"
                  checked={previewAs === 'markdown'}
                  onChange={() => setPreviewAs('markdown')}
                />
                <span>{t('digestPreviewMarkdown')}</span>
              </label>
              <label class="radio-pill">
                <input
                  type="radio"
                  name="digest-preview-as"
                  checked={previewAs === 'chat'}
                  onChange={() => setPreviewAs('chat')}
                />
                <span>{t('digestPreviewChat', serviceName(hook.service))}</span>
              </label>
            </fieldset>
          )}
        </div>
        <div class="digest-preview" role="region" aria-labelledby="digest-preview-label" tabIndex={0}>
          {digest && hook && previewAs === 'chat' ? (
            <ChatPreviewView preview={chatPreview(hook.service, digest)} />
          ) : (
            <pre>{digest ? markdown : ''}</pre>
          )}
        </div>
      </div>
      <div class="digest-buttons">
        <button type="button" class="btn btn-primary" disabled={!digest} onClick={() => void onCopy()}>
          {t('digestCopy')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={!digest}
          onClick={() => digest && downloadText(markdown, digestFileName(digest))}
        >
          {t('digestDownload')}
        </button>
        {hook && <PostToChat hook={hook} digest={() => digest} label={t('digestPost')} />}
        <span class="copy-status" role="status">
          {copyState === 'copied' && <span class="notice notice-ok">{t('digestCopied')}</span>}
        </span>
      </div>
      {copyState === 'failed' && (
        <p class="notice notice-error" role="alert">
          {t('digestCopyFailed')}
        </p>
      )}
      {!hook && hook !== undefined && <p class="small muted">{t('digestPostHint')}</p>}
    </section>
  );
}

/** The digest drawn as the chat shows it: text messages, a Teams card, or the JSON body. */
function ChatPreviewView({ preview }: { preview: ChatPreview }) {
  if (preview.kind === 'json') return <pre dir="auto">{preview.text}</pre>;
  if (preview.kind === 'text')
    return (
      <>
        {preview.parts.map((part, index) => (
          <div key={index} class="digest-preview-part">
            {preview.parts.length > 1 && (
              <p class="small muted">
                {t('digestPreviewPart', formatNumber(index + 1), formatNumber(preview.parts.length))}
              </p>
            )}
            <pre>{part}</pre>
          </div>
        ))}
      </>
    );
  return (
    <div class="digest-card">
      {preview.lines.map((line, index) => (
        <p
          key={index}
          dir="auto"
          class={[
            'digest-card-line',
            line.bold && 'digest-card-bold',
            line.subtle && 'digest-card-subtle',
            line.large && 'digest-card-large',
            line.separated && 'digest-card-separated',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          {splitCardLinks(line.text).map((piece, at) =>
            piece.url ? (
              <span key={at} class="digest-card-link" title={piece.url}>
                {piece.text}
              </span>
            ) : (
              piece.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
