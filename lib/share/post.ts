import { browser } from 'wxt/browser';
import { permissionPattern } from './webhook-url';

export const POST_TIMEOUT_MS = 15_000;

export type PostResult =
  | { ok: true; posted: number }
  | { ok: false; error: 'permission' }
  | { ok: false; error: 'http'; status: number; posted: number; total: number }
  | { ok: false; error: 'timeout' | 'network'; posted: number; total: number };

interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * Ask for that one origin. Call it directly in the click handler, before any `await`: the
 * browser only shows the prompt during the user's gesture. Resolves false when refused or
 * when the browser throws (no gesture, pattern not in optional permissions).
 */
export function requestWebhookPermission(
  url: URL,
  permissions: PermissionsApi = browser.permissions,
): Promise<boolean> {
  let pending: Promise<boolean>;
  try {
    pending = permissions.request({ origins: [permissionPattern(url)] });
  } catch {
    return Promise.resolve(false);
  }
  return Promise.resolve(pending).then(
    (granted) => granted === true,
    () => false,
  );
}

export interface PostOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * POST each body as JSON, in order, each with its own timeout (AbortController). Stops at the
 * first failure and says how many went through, so nothing is posted twice on a retry of the
 * whole digest without the user knowing.
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
        signal: controller.signal,
      });
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
