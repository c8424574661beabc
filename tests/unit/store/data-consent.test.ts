import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestServerPermission } from '../../../lib/app/sync-account';
import { requestWebhookPermission } from '../../../lib/share/post';
import { configManifest } from './manifest';

// Firefox asks the user's consent for the kinds of data a feature sends in the same prompt as
// the server's origin; Chrome has no such consent and refuses a request that names one.
async function optionalInFirefoxManifest(): Promise<string[]> {
  const manifest = await configManifest('firefox');
  const gecko = manifest.browser_specific_settings?.gecko as { data_collection_permissions?: { optional?: string[] } };
  return gecko.data_collection_permissions?.optional ?? [];
}

afterEach(() => vi.restoreAllMocks());

describe('consent to send data, asked when a feature is turned on', () => {
  it('Connect in Firefox asks for the server and what sync sends, in one request the manifest allows', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestServerPermission('https://couch.example.org', true)).toBe(true);
    expect(request).toHaveBeenCalledTimes(1);
    const asked = request.mock.calls[0]![0] as { origins: string[]; data_collection?: string[] };
    expect(asked.origins).toEqual(['https://couch.example.org/*']);
    expect(asked.data_collection).toEqual(['browsingActivity', 'websiteContent', 'authenticationInfo']);
    expect(await optionalInFirefoxManifest()).toEqual(expect.arrayContaining(asked.data_collection!));
  });

  it('Connect in Chrome asks for the server only', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestServerPermission('https://couch.example.org', false)).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.org/*'] });
  });

  it('a refused consent is a refused Connect', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await requestServerPermission('https://couch.example.org', true)).toBe(false);
  });

  it("a webhook's first post in Firefox asks for its host and what a digest carries", async () => {
    const request = vi.fn(async () => true);
    expect(await requestWebhookPermission(new URL('https://hooks.slack.com/services/x'), { request }, true)).toBe(true);
    expect(request).toHaveBeenCalledWith({
      origins: ['https://hooks.slack.com/*'],
      data_collection: ['browsingActivity', 'websiteContent'],
    });
    expect(await optionalInFirefoxManifest()).toEqual(expect.arrayContaining(['browsingActivity', 'websiteContent']));
  });

  it("a webhook's first post in Chrome asks for its host only", async () => {
    const request = vi.fn(async () => true);
    await requestWebhookPermission(new URL('https://hooks.slack.com/services/x'), { request }, false);
    expect(request).toHaveBeenCalledWith({ origins: ['https://hooks.slack.com/*'] });
  });
});
