import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import { declaredNames, undocumented } from '../../../scripts/check-store-doc.mjs';
import { configManifest } from './manifest';

const root = join(import.meta.dirname, '../../..');
const page = readFileSync(join(root, 'docs/STORE.md'), 'utf8');

/**
 * The manifest wxt.config.ts describes for a store build, with what WXT adds from the entrypoints
 * that bears on a store's questions (a side panel's permission). CI also checks the real built
 * manifests (scripts/check-store-doc.mjs in .ci/run).
 */
async function storeManifest(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const manifest: UserManifest = { ...(await configManifest(browser)) };
  if (browser === 'chrome' && existsSync(join(root, 'entrypoints/sidepanel')))
    manifest.permissions = [...(manifest.permissions ?? []), 'sidePanel'];
  return manifest;
}

describe('docs/STORE.md justifies everything the store manifests ask for', () => {
  it.each(['chrome', 'firefox'] as const)(
    '%s: every permission, host permission, command and kind of data',
    async (browser) => {
      const manifest = await storeManifest(browser);
      expect(declaredNames(manifest).length).toBeGreaterThan(8);
      expect(undocumented(manifest, page)).toEqual([]);
    },
  );

  it('names a permission a later change adds, or fails', () => {
    expect(undocumented({ permissions: ['storage', 'history'], commands: { 'new-command': {} } }, page)).toEqual([
      'history',
      'new-command',
    ]);
  });

  it('Firefox declares the data sync and webhooks send as optional, nothing as required', async () => {
    const gecko = (await storeManifest('firefox')).browser_specific_settings?.gecko as {
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
    expect(gecko.data_collection_permissions?.required).toEqual(['none']);
    expect(gecko.data_collection_permissions?.optional).toEqual(
      expect.arrayContaining(['browsingActivity', 'websiteContent', 'authenticationInfo']),
    );
  });
});
