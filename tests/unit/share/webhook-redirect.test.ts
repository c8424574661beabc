import { describe, expect, it } from 'vitest';
import { startPost } from '../../../components/team/PostToChat';
import type { Digest } from '../../../lib/share/digest';
import { postPayloads } from '../../../lib/share/post';

const HOOK = 'https://hooks.example.com/services/secret';
const digest: Digest = { kind: 'resource', items: [], learnedCount: 0, sharedCount: 0 };

/**
 * A webhook address that answers every post with a 307 to another host, as a browser's fetch
 * meets it: followed (the default), the body is posted again at the other host; with
 * `redirect: 'manual'` the browser stops and hands back an opaque answer (or, outside a
 * browser, the 307 itself).
 */
function redirectingServer(opaque: boolean) {
  const received: { host: string; body: string }[] = [];
  const fetch = async (target: string, init: RequestInit): Promise<Response> => {
    received.push({ host: new URL(target).host, body: String(init.body) });
    if (init.redirect === 'manual') {
      if (opaque)
        return {
          type: 'opaqueredirect',
          status: 0,
          ok: false,
          redirected: false,
          url: '',
          headers: new Headers(),
        } as Response;
      return new Response(null, { status: 307, headers: { Location: 'https://collector.evil.example/in' } });
    }
    received.push({ host: 'collector.evil.example', body: String(init.body) });
    const followed = new Response(null, { status: 200 });
    Object.defineProperties(followed, {
      redirected: { value: true },
      url: { value: 'https://collector.evil.example/in' },
    });
    return followed;
  };
  return { received, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe('a webhook address that redirects to another host', () => {
  it('is refused: nothing is posted to the other host, and the message names both hosts', async () => {
    const server = redirectingServer(false);
    const outcome = await startPost({ url: HOOK, service: 'slack' }, digest, {
      request: async () => true,
      post: (url, bodies) => postPayloads(url, bodies, { fetch: server.fetch }),
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('hooks.example.com');
    expect(outcome.message).toContain('collector.evil.example');
    expect(server.received.map((request) => request.host)).toEqual(['hooks.example.com']);
  });

  it('in a browser, which hides where the redirect points: refused, the message names the webhook’s host', async () => {
    const server = redirectingServer(true);
    const result = await postPayloads(new URL(HOOK), [{ text: 'a' }, { text: 'b' }], { fetch: server.fetch });
    expect(result).toEqual({ ok: false, error: 'redirect', posted: 0, total: 2 });
    const outcome = await startPost({ url: HOOK, service: 'slack' }, digest, {
      request: async () => true,
      post: (url, bodies) => postPayloads(url, bodies, { fetch: server.fetch }),
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^hooks\.example\.com answered with a redirect/);
    expect(server.received.every((request) => request.host === 'hooks.example.com')).toBe(true);
  });
});
