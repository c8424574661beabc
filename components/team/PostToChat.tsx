import { useState } from 'preact/hooks';
import { formatNumber, t, tn } from '@/lib/i18n';
import type { Digest } from '@/lib/share/digest';
import { buildPayloads } from '@/lib/share/payloads';
import { postPayloads, requestWebhookPermission, type PostResult } from '@/lib/share/post';
import { checkWebhookUrl } from '@/lib/share/webhook-url';
import type { WebhookSettings } from '@/lib/settings';

export type PostOutcome = { ok: true; message: string } | { ok: false; message: string };

/** A sentence for the user from a post's result. */
export function describePost(result: PostResult, host: string): PostOutcome {
  if (result.ok)
    return { ok: true, message: result.posted > 1 ? tn('webhookPostedParts', result.posted) : t('webhookPosted') };
  const partial =
    'posted' in result && result.posted > 0
      ? ` ${tn('webhookErrorPartial', result.total, formatNumber(result.posted), formatNumber(result.total))}`
      : '';
  switch (result.error) {
    case 'permission':
      return { ok: false, message: t('webhookErrorPermission', host) };
    case 'http':
      return { ok: false, message: t('webhookErrorHttp', result.status) + partial };
    case 'timeout':
      return { ok: false, message: t('webhookErrorTimeout') + partial };
    case 'redirect':
      return {
        ok: false,
        message: (result.to ? t('webhookErrorRedirectTo', host, result.to) : t('webhookErrorRedirect', host)) + partial,
      };
    default:
      return { ok: false, message: t('webhookErrorNetwork') + partial };
  }
}

/**
 * Start a post from a click. The permission request happens synchronously here (the browser
 * only prompts during the click); everything else follows once the user has answered.
 */
export function startPost(
  hook: WebhookSettings | null | undefined,
  digest: Digest,
  deps: { request?: typeof requestWebhookPermission; post?: typeof postPayloads } = {},
): Promise<PostOutcome> {
  if (!hook) return Promise.resolve({ ok: false, message: t('webhookErrorNoUrl') });
  const check = checkWebhookUrl(hook.url);
  if (!check.ok)
    return Promise.resolve({
      ok: false,
      message: check.problem === 'insecure' ? t('webhookErrorInsecure') : t('webhookErrorInvalid'),
    });
  const granted = (deps.request ?? requestWebhookPermission)(check.url);
  const payloads = buildPayloads(hook.service, digest);
  return granted.then(async (ok) => {
    if (!ok) return describePost({ ok: false, error: 'permission' }, check.url.host);
    return describePost(await (deps.post ?? postPayloads)(check.url, payloads), check.url.host);
  });
}

interface Props {
  hook: WebhookSettings | null | undefined;
  /** The digest to post, as shown right now (read synchronously in the click). */
  digest: () => Digest | null;
  label: string;
  describedBy?: string;
  onPosted?: () => void | Promise<void>;
  small?: boolean;
}

export function PostToChat({ hook, digest, label, describedBy, onPosted, small }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PostOutcome | null>(null);

  const click = () => {
    const current = digest();
    if (!current || busy) return;
    setOutcome(null);
    const pending = startPost(hook, current);
    setBusy(true);
    void pending
      .then(async (result) => {
        if (result.ok) await onPosted?.();
        setOutcome(result);
      })
      .finally(() => setBusy(false));
  };

  return (
    <span class="post-to-chat">
      <button
        type="button"
        class={small ? 'btn btn-small' : 'btn'}
        disabled={busy}
        aria-describedby={describedBy}
        onClick={click}
      >
        {busy ? t('webhookPosting') : label}
      </button>
      <span class="post-status" role="status">
        {outcome?.ok && <span class="notice notice-ok">{outcome.message}</span>}
      </span>
      {outcome && !outcome.ok && (
        <span class="notice notice-error post-error" role="alert">
          {outcome.message}
        </span>
      )}
    </span>
  );
}
