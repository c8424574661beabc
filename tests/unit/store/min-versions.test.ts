import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configManifest as manifest } from './manifest';

// The declared minimum versions (minimum_chrome_version, Firefox's strict_min_version) must be
// the oldest browser with every feature the extension uses without a fallback, by MDN's data.
// A browser older than the minimum would install the extension and fail where no test looks.
const root = join(import.meta.dirname, '../../..');

type Browser = 'chrome' | 'firefox' | 'firefox_android';

interface Feature {
  /** Its path in @mdn/browser-compat-data. */
  bcd: string;
  /** How the sources (lib, components, entrypoints, wxt.config.ts) use it. */
  use: RegExp;
  /** Only one browser's build uses it. */
  only?: 'chrome' | 'firefox';
  /** Why the extension works without it: then it does not raise the minimum. */
  guarded?: string;
  /** Why an earlier partial implementation is enough. */
  partialEnough?: string;
}

const FEATURES: Feature[] = [
  // What sets the minimums today: Chrome 116, Firefox 140 (142 on Android).
  { bcd: 'api.AbortSignal.any_static', use: /AbortSignal\.any\(/ },
  {
    bcd: 'webextensions.manifest.browser_specific_settings.gecko.data_collection_permissions',
    use: /data_collection_permissions/,
    only: 'firefox',
  },
  { bcd: 'webextensions.api.permissions.Permissions.data_collection', use: /data_collection\b/, only: 'firefox' },
  {
    bcd: 'api.AbortSignal.timeout_static',
    use: /AbortSignal\.timeout\(/,
    partialEnough: 'before Chrome 124 it aborts with an AbortError, not a TimeoutError; sync tells neither apart',
  },
  { bcd: 'css.types.color.color-mix', use: /color-mix\(/ },
  { bcd: 'css.selectors.has', use: /:has\(/ },
  { bcd: 'javascript.builtins.Intl.Segmenter', use: /new Intl\.Segmenter\(/ },
  { bcd: 'javascript.builtins.Intl.ListFormat', use: /new Intl\.ListFormat\(/ },
  { bcd: 'api.FileSystemFileHandle.createWritable', use: /\.createWritable\(/ },
  { bcd: 'api.StorageManager.getDirectory', use: /\.getDirectory\(/ },
  { bcd: 'api.structuredClone', use: /\bstructuredClone\(/ },
  { bcd: 'api.LockManager.request', use: /navigator[^;]*\?\.locks/ },
  { bcd: 'javascript.builtins.Object.hasOwn', use: /Object\.hasOwn\(/ },
  { bcd: 'api.Worker.Worker.ecmascript_modules', use: /\?worker'/ },
  { bcd: 'webextensions.api.scripting.executeScript', use: /scripting\.executeScript\(/ },
  { bcd: 'webextensions.manifest.optional_host_permissions', use: /optional_host_permissions:/ },
  { bcd: 'webextensions.manifest.background.type', use: /type: 'module'/, only: 'firefox' },
  // Used where present, with a fallback: they do not raise the minimum.
  {
    bcd: 'api.CSS.highlights_static',
    use: /CSS\?\.highlights/,
    guarded: 'kept quotes are drawn on the page only where the browser can (lib/quotes/highlight.ts)',
  },
  {
    bcd: 'webextensions.api.sidePanel.open',
    use: /sidePanel\.open\(/,
    only: 'chrome',
    guarded: 'the popup offers the panel only where the browser has it (components/popup/OpenBeside.tsx)',
  },
  {
    bcd: 'webextensions.api.sidebarAction.open',
    use: /sidebarAction\.open\(/,
    only: 'firefox',
    guarded: 'as sidePanel.open',
  },
  {
    bcd: 'webextensions.api.action.openPopup',
    use: /openPopup\?\.\(|openPopup === 'function'/,
    guarded: 'a notification is shown instead',
  },
  { bcd: 'api.Scheduler.yield', use: /scheduler\?\.yield/, guarded: 'a zero timeout stands in' },
  {
    bcd: 'css.properties.field-sizing',
    use: /field-sizing: content/,
    guarded: 'components/fields/growing.ts sizes the box by script',
  },
  { bcd: 'api.Window.requestIdleCallback', use: /typeof requestIdleCallback/, guarded: 'a timeout stands in' },
  {
    bcd: 'html.elements.a.text_fragments',
    use: /:~:/,
    guarded: "a quote's link opens its page at the top where the browser has no text fragments",
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|css)$/.test(name) ? [path] : [];
  });
}

const texts = [
  ...['lib', 'components', 'entrypoints'].flatMap((dir) => sources(join(root, dir))),
  join(root, 'wxt.config.ts'),
].map((path) => readFileSync(path, 'utf8'));

type Support = { version_added: string | boolean | null; partial_implementation?: boolean; flags?: unknown[] };

/** The first version with the feature, by MDN; null when the browser lacks it. */
function versionAdded(feature: Feature, browser: Browser): number | null {
  const compat = feature.bcd
    .split('.')
    .reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      bcd as unknown as Record<string, unknown>,
    )?.__compat as { support: Record<string, Support | Support[]> } | undefined;
  if (!compat) throw new Error(`${feature.bcd} is not in @mdn/browser-compat-data`);
  const support = compat.support[browser];
  const statements = (Array.isArray(support) ? support : support ? [support] : []).filter(
    (statement) => !statement.flags && (!statement.partial_implementation || feature.partialEnough !== undefined),
  );
  const versions = statements
    .map((statement) => statement.version_added)
    .filter((added): added is string => typeof added === 'string')
    .map((added) => Number.parseFloat(added.replace(/^≤/, '')));
  if (statements.some((statement) => statement.version_added === true)) return 0;
  return versions.length ? Math.min(...versions) : null;
}

async function declared(browser: Browser): Promise<number> {
  if (browser === 'chrome') return Number.parseFloat(String((await manifest('chrome')).minimum_chrome_version));
  const settings = (await manifest('firefox')).browser_specific_settings as Record<
    string,
    { strict_min_version?: string } | undefined
  >;
  const key = browser === 'firefox' ? 'gecko' : 'gecko_android';
  return Number.parseFloat(settings[key]?.strict_min_version ?? 'NaN');
}

function needed(browser: Browser): { version: number; by: string[] } {
  const family = browser === 'chrome' ? 'chrome' : 'firefox';
  let version = 0;
  let by: string[] = [];
  for (const feature of FEATURES) {
    if (feature.guarded || (feature.only && feature.only !== family)) continue;
    const added = versionAdded(feature, browser);
    if (added === null) throw new Error(`${feature.bcd} is used unguarded but ${browser} lacks it`);
    if (added > version) [version, by] = [added, [feature.bcd]];
    else if (added === version) by.push(feature.bcd);
  }
  return { version, by };
}

describe('the declared minimum browser versions', () => {
  it.each(FEATURES.map((feature) => [feature.bcd, feature] as const))('%s is still used', (_name, feature) => {
    expect(texts.some((text) => feature.use.test(text))).toBe(true);
  });

  it.each(['chrome', 'firefox', 'firefox_android'] as const)(
    '%s: the minimum is the oldest version with every feature used without a fallback',
    async (browser) => {
      const { version, by } = needed(browser);
      expect({ declared: await declared(browser), by }).toEqual({ declared: version, by });
    },
  );

  it('the README names the same versions', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Chrome ${await declared('chrome')} or newer`);
    expect(readme).toContain(`Firefox ${await declared('firefox')} or newer`);
  });
});
