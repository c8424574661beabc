import { LIMITS } from '../infra/limits';

export type WebhookUrlProblem = 'invalid' | 'insecure';

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; problem: WebhookUrlProblem };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Only https:, except http://localhost and http://127.0.0.1 for testing. No credentials in the URL. */
export function checkWebhookUrl(raw: string): WebhookUrlCheck {
  const value = raw.trim();
  if (!value || value.length > LIMITS.url) return { ok: false, problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.username || url.password || !url.hostname) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:')
    return LOCAL_HOSTS.has(url.hostname) ? { ok: true, url } : { ok: false, problem: 'insecure' };
  return { ok: false, problem: 'invalid' };
}

/**
 * The match pattern asked for: that one host, every path. Match patterns carry no port, so a
 * local test server on any port is covered by http://127.0.0.1/*, as the manifest declares.
 */
export function permissionPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The URL is a secret (anyone holding it can post to the channel): after saving, show only
 * where it goes and its last four characters: https://hooks.slack.com/…/abcd.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '…';
  }
  const tail = `${url.pathname}${url.search}`.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}/…${tail.length > 4 ? `/${tail.slice(-4)}` : ''}`;
}
