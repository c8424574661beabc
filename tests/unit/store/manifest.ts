import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../../wxt.config';

/** The manifest wxt.config.ts describes for a store build of `browser` (no e2e host permissions). */
export async function configManifest(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const env: ConfigEnv = { browser, manifestVersion: 3, mode: 'production', command: 'build' };
  const manifest = typeof config.manifest === 'function' ? await config.manifest(env) : await config.manifest;
  if (!manifest) throw new Error('wxt.config.ts describes no manifest');
  return manifest;
}
