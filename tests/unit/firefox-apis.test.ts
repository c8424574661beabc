import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// No automation drives Firefox here, so this checks the next best thing: every `browser.*` API
// the extension calls exists in Firefox according to MDN's compatibility data, from the
// version the Firefox manifest requires.
const FIREFOX_MIN = 140;
const root = join(import.meta.dirname, '../..');

/** Firefox names some namespaces differently and accepts the Chrome name as an alias. */
const ALIASES: Record<string, string> = { contextMenus: 'menus' };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Use {
  file: string;
  /** Called as `browser.x.y?.…`: the code copes with the API being absent. */
  guarded: boolean;
}

function apisUsed(): Map<string, Use[]> {
  const used = new Map<string, Use[]>();
  for (const file of [
    ...sources(join(root, 'lib')),
    ...sources(join(root, 'entrypoints')),
    ...sources(join(root, 'components')),
  ]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bbrowser\.([a-zA-Z]+)\.([a-zA-Z]+)(\?\.)?/g)) {
      const api = `${match[1]}.${match[2]}`;
      used.set(api, [...(used.get(api) ?? []), { file: relative(root, file), guarded: Boolean(match[3]) }]);
    }
  }
  return used;
}

type Compat = {
  __compat?: {
    support: { firefox?: { version_added: string | boolean | null } | { version_added: string | boolean | null }[] };
  };
};

function firefoxVersion(api: string): number | null {
  const [namespace = '', member = ''] = api.split('.');
  const entry = (bcd.webextensions.api as unknown as Record<string, Record<string, Compat>>)[
    ALIASES[namespace] ?? namespace
  ]?.[member];
  const support = entry?.__compat?.support.firefox;
  const first = Array.isArray(support) ? support[0] : support;
  const added = first?.version_added;
  if (added === true) return 0;
  if (typeof added !== 'string') return null;
  return Number.parseFloat(added.replace(/^≤/, ''));
}

describe('Firefox support of the browser APIs we call', () => {
  const used = apisUsed();
  it('finds the APIs the extension uses', () => {
    expect(used.size).toBeGreaterThan(5);
  });
  it.each([...used.keys()].sort())('%s exists in Firefox, or every call is guarded', (api) => {
    const version = firefoxVersion(api);
    const uses = used.get(api)!;
    if (version !== null && version <= FIREFOX_MIN) return;
    // Chrome-only (e.g. notification buttons): every use must cope with its absence.
    expect(
      uses.filter((use) => !use.guarded).map((use) => use.file),
      `${api} is missing in Firefox ${FIREFOX_MIN}`,
    ).toEqual([]);
  });
});
