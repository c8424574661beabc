#!/usr/bin/env node
// Every permission, host permission, command and kind of data a built manifest declares must be
// named in docs/STORE.md, the store's justifications: a permission added later without one would
// stall a store review. tests/unit/store/store-doc.test.ts checks the manifests wxt.config.ts
// describes; this checks the built ones, which also carry what WXT adds from the entrypoints.
// Usage: node scripts/check-store-doc.mjs .output/chrome-mv3 .output/firefox-mv3
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The names a store asks a reason for, as the manifest spells them. */
export function declaredNames(manifest) {
  const gecko = manifest.browser_specific_settings?.gecko?.data_collection_permissions ?? {};
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...Object.keys(manifest.commands ?? {}),
    ...[...(gecko.required ?? []), ...(gecko.optional ?? [])].filter((kind) => kind !== 'none'),
  ];
}

/** The declared names the page does not name in backticks. */
export function undocumented(manifest, page) {
  return [...new Set(declaredNames(manifest))].filter((name) => !page.includes(`\`${name}\``));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const page = readFileSync(new URL('../docs/STORE.md', import.meta.url), 'utf8');
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('name the built extension folders, e.g. .output/chrome-mv3 .output/firefox-mv3');
  let missing = 0;
  for (const dir of dirs) {
    const names = undocumented(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), page);
    for (const name of names)
      console.error(`${dir}/manifest.json declares \`${name}\`, which docs/STORE.md does not name`);
    missing += names.length;
  }
  if (missing) process.exitCode = 1;
  else console.log(`docs/STORE.md names every permission, command and kind of data of ${dirs.join(', ')}`);
}
