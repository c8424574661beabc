import { describe, expect, it, vi } from 'vitest';
import { startPost } from '../../../components/team/PostToChat';
import type { Digest } from '../../../lib/share/digest';
import { postPayloads, requestWebhookPermission } from '../../../lib/share/post';
import { checkWebhookUrl, maskWebhookUrl, permissionPattern } from '../../../lib/share/webhook-url';

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/abc', true, undefined],
    ['  https://discord.com/api/webhooks/1/x  ', true, undefined],
    ['http://localhost:8080/hook', true, undefined],
    ['http://127.0.0.1:5000/hook', true, undefined],
    ['http://hooks.example.com/x', false, 'insecure'],
    ['http://127.0.0.2/x', false, 'insecure'],
    ['ftp://example.com/x', false, 'invalid'],
    ['javascript:alert(1)', false, 'invalid'],
    ['hooks.slack.com/services/x', false, 'invalid'],
    ['https://user:pass@example.com/x', false, 'invalid'],
    ['', false, 'invalid'],
  ])('%s → ok %s', (raw, ok, problem) => {
    const result = checkWebhookUrl(raw);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.problem).toBe(problem);
  });
});

describe('maskWebhookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXXabcd', 'https://hooks.slack.com/…/abcd'],
    ['https://discord.com/api/webhooks/123/secret-token9', 'https://discord.com/…/ken9'],
    [
      'https://prod-1.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SECRETsig1',
      'https://prod-1.westeurope.logic.azure.com/…/sig1',
    ],
    ['http://127.0.0.1:5000/hook', 'http://127.0.0.1:5000/…/hook'],
    ['https://example.com/', 'https://example.com/…'],
  ])('%s → %s', (url, masked) => {
    expect(maskWebhookUrl(url)).toBe(masked);
    expect(masked).not.toContain('XXXX');
  });
});

describe('permissionPattern', () => {
  it('asks for that host only, any path; match patterns carry no port', () => {
    expect(permissionPattern(new URL('https://hooks.slack.com/services/x'))).toBe('https://hooks.slack.com/*');
    expect(permissionPattern(new URL('http://127.0.0.1:5000/hook'))).toBe('http://127.0.0.1/*');
  });
});

describe('requestWebhookPermission', () => {
  const url = new URL('https://hooks.slack.com/services/x');
  it('granted', async () => {
    const request = vi.fn(async () => true);
    expect(await requestWebhookPermission(url, { request })).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://hooks.slack.com/*'] });
  });
  it('refused', async () => {
    expect(await requestWebhookPermission(url, { request: vi.fn(async () => false) })).toBe(false);
  });
  it('a browser error counts as refused', async () => {
    expect(
      await requestWebhookPermission(url, {
        request: vi.fn(() => {
          throw new Error('This function must be called during a user gesture');
        }),
      }),
    ).toBe(false);
    expect(await requestWebhookPermission(url, { request: vi.fn(async () => Promise.reject(new Error('x'))) })).toBe(
      false,
    );
  });
});

describe('postPayloads', () => {
  const url = new URL('https://hooks.example.com/x');
  const ok = () => new Response(null, { status: 204 });

  it('posts each body as JSON, in order', async () => {
    const fetch = vi.fn(async () => ok());
    expect(await postPayloads(url, [{ content: 'a' }, { content: 'b' }], { fetch })).toEqual({ ok: true, posted: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
    const [target, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(target).toBe('https://hooks.example.com/x');
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"content":"a"}',
      credentials: 'omit',
    });
  });

  it('an HTTP error stops and says how many went through', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(ok())
      .mockResolvedValueOnce(new Response('nope', { status: 500 }));
    expect(await postPayloads(url, [1, 2, 3], { fetch })).toEqual({
      ok: false,
      error: 'http',
      status: 500,
      posted: 1,
      total: 3,
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a network failure', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await postPayloads(url, [1], { fetch })).toEqual({ ok: false, error: 'network', posted: 0, total: 1 });
  });

  it('a timeout aborts the request', async () => {
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    expect(await postPayloads(url, [1], { fetch: fetch as unknown as typeof globalThis.fetch, timeoutMs: 20 })).toEqual(
      { ok: false, error: 'timeout', posted: 0, total: 1 },
    );
  });
});

describe('startPost (the click)', () => {
  const digest: Digest = { kind: 'resource', items: [], learnedCount: 0, sharedCount: 0 };
  const hook = { url: 'https://hooks.slack.com/services/T/B/secret', service: 'slack' as const };

  it('asks for permission synchronously, within the click, before anything is awaited', () => {
    const request = vi.fn(async () => true);
    const post = vi.fn(async () => ({ ok: true as const, posted: 1 }));
    void startPost(hook, digest, { request, post });
    expect(request).toHaveBeenCalledTimes(1);
    expect((request.mock.calls[0] as unknown as [URL])[0].href).toBe(hook.url);
  });

  it('granted: posts and reports success', async () => {
    const post = vi.fn(async () => ({ ok: true as const, posted: 1 }));
    expect(await startPost(hook, digest, { request: async () => true, post })).toEqual({
      ok: true,
      message: "Posted to your team's chat.",
    });
    expect(post).toHaveBeenCalledWith(new URL(hook.url), [{ text: expect.any(String) }]);
  });

  it('refused: nothing is sent, and the message says so', async () => {
    const post = vi.fn();
    const result = await startPost(hook, digest, { request: async () => false, post });
    expect(post).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      message: 'The browser did not allow posting to hooks.slack.com. Nothing was sent, and the text is still here.',
    });
  });

  it('bad and insecure URLs never reach the permission prompt', async () => {
    const request = vi.fn(async () => true);
    expect(await startPost({ url: 'not a url', service: 'slack' }, digest, { request })).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a webhook URL'),
    });
    expect(await startPost({ url: 'http://example.com/x', service: 'slack' }, digest, { request })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Only https://'),
    });
    expect(await startPost(null, digest, { request })).toMatchObject({
      ok: false,
      message: "Add your team's webhook URL first.",
    });
    expect(request).not.toHaveBeenCalled();
  });

  it.each([
    [
      { ok: false as const, error: 'http' as const, status: 500, posted: 0, total: 1 },
      'The chat service answered with an error (HTTP 500). Nothing is lost: check the webhook URL and try again.',
    ],
    [
      { ok: false as const, error: 'timeout' as const, posted: 1, total: 3 },
      'The chat service did not answer in time. Nothing is lost: try again in a moment. 1 of 3 messages were posted before that.',
    ],
    [
      { ok: false as const, error: 'network' as const, posted: 0, total: 1 },
      'Could not reach the chat service. Check your connection and the webhook URL; nothing is lost.',
    ],
  ])('%j → %s', async (result, message) => {
    expect(await startPost(hook, digest, { request: async () => true, post: async () => result })).toEqual({
      ok: false,
      message,
    });
  });
});
