import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { describeWriteError } from '@/lib/db/errors';
import { t, type MessageKey } from '@/lib/i18n';
import { toDateInput } from '@/lib/actions/follow-up';
import { copyText, downloadText, type ClipboardLike } from '@/lib/share/copy';
import { collectDigest, digestFileName, digestMarkdown, type Digest } from '@/lib/share/digest';
import { customPeriod, PERIOD_PRESETS, periodFor, type Period, type PeriodPreset } from '@/lib/share/period';
import type { WebhookSettings } from '@/lib/settings';
import { PostToChat } from './PostToChat';

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
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const period: Period | null = choice === 'custom' ? customPeriod(from, to) : periodFor(choice, Date.now());
  const periodKey = period ? `${period.start}-${period.end}` : '';

  const live = useLiveQuery(
    () => (period ? collectDigest(period) : Promise.resolve(null)),
    ['resources', 'actions'],
    [periodKey],
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
            <label class="field">
              <span>{t('digestFrom')}</span>
              <input class="input" type="date" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('digestTo')}</span>
              <input class="input" type="date" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
            </label>
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
        <h3 id="digest-preview-label" class="label">
          {t('digestPreview')}
        </h3>
        <div class="digest-preview" role="region" aria-labelledby="digest-preview-label" tabIndex={0}>
          <pre>{digest ? markdown : ''}</pre>
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
