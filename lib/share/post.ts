import { browser } from 'wxt/browser';
import { type OriginRequest, originRequest, WEBHOOK_DATA } from '../infra/data-collection';
import { permissionPattern } from './webhook-url';

export const POST_TIMEOUT_MS = 15_000;

export type PostResult =
  | { ok: true; posted: number }
  | { ok: false; error: 'permission' }
  | { ok: false; error: 'http'; status: number; posted: number; total: number }
  | { ok: false; error: 'timeout' | 'network'; posted: number; total: number }
  /** The address answered with a redirect; `to` is the host it named, when the browser lets us see it. */
  | { ok: false; error: 'redirect'; to?: string; posted: number; total: number };

interface PermissionsApi {
  request(permissions: OriginRequest): Promise<boolean>;
}

/**
 * Ask for that one origin and, in Firefox, consent to send what a digest carries
 * (lib/infra/data-collection.ts). Call it directly in the click handler, before any `await`: the
 * browser only shows the prompt during the user's gesture. Resolves false when refused or
 * when the browser throws (no gesture, pattern not in optional permissions).
 */
export function requestWebhookPermission(
  url: URL,
  permissions: PermissionsApi = browser.permissions,
  isFirefox = import.meta.env.FIREFOX,
): Promise<boolean> {
  let pending: Promise<boolean>;
  try {
    pending = permissions.request(originRequest(permissionPattern(url), WEBHOOK_DATA, isFirefox));
  } catch {
    return Promise.resolve(false);
  }
  return Promise.resolve(pending).then(
    (granted) => granted === true,
    () => false,
  );
}

/**
 * Whether a webhook's answer was a redirect, and to which host. The post is sent with
 * `redirect: 'manual'`, so a browser never carries the digest on to another host (a 307 or 308
 * would post it there again): it hands back an opaque answer that hides where it pointed. A
 * fetch that followed anyway (another runtime) shows the host it ended at.
 */
function redirectOf(response: Response, url: URL): { to?: string } | null {
  if (response.type === 'opaqueredirect') return {};
  const hostOf = (address: string | null) => {
    try {
      return address ? new URL(address, url).host.slice(0, 253) : undefined;
    } catch {
      return undefined;
    }
  };
  if (response.status >= 300 && response.status < 400) {
    const to = hostOf(response.headers.get('location'));
    return to ? { to } : {};
  }
  if (response.redirected) {
    const to = hostOf(response.url);
    return to && to !== url.host ? { to } : null;
  }
  return null;
}

export interface PostOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * POST each body as JSON, in order, each with its own timeout (AbortController). Stops at the
 * first failure and says how many went through, so nothing is posted twice on a retry of the
 * whole digest without the user knowing. A redirect is a failure: the digest goes to the address
 * the user gave and permitted, never on to another host.
 */
export async function postPayloads(
  url: URL,
  bodies: readonly unknown[],
  options: PostOptions = {},
): Promise<PostResult> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  let posted = 0;
  for (const body of bodies) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url.href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'manual',
        signal: controller.signal,
      });
      const redirect = redirectOf(response, url);
      if (redirect) return { ok: false, error: 'redirect', ...redirect, posted, total: bodies.length };
      if (!response.ok) return { ok: false, error: 'http', status: response.status, posted, total: bodies.length };
    } catch {
      return { ok: false, error: controller.signal.aborted ? 'timeout' : 'network', posted, total: bodies.length };
    } finally {
      clearTimeout(timer);
    }
    posted++;
  }
  return { ok: true, posted };
}
