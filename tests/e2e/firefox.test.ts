import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, findTab, firefoxPath, launchFirefox, openTab, until, type Firefox } from '../firefox/bidi';
import { articleFixture, expectedMetadata, ROOT } from './harness';

// A smoke test in a real Firefox (Debian's firefox-esr, which .ci/run installs): the add-on
// installs, its background plans its alarms, the popup saves a served article, the library finds it.

const ADDON_ID = 'learning-loop@learning-loop.app';
const FIREFOX_BUILD = join(ROOT, process.env.WXT_OUT_DIR ?? '.output-e2e', 'firefox-mv3');
const ARTICLE_PATH = '/science/2015/07/some-article/';
// Off CI a machine without Firefox skips this (the README's quick start needs only Node); CI must run it.
const runnable = Boolean(firefoxPath()) || process.env.CI === 'true';

let firefox: Firefox | undefined;
let server: Server | undefined;
afterAll(async () => {
  await firefox?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe.runIf(runnable)('in a real Firefox', () => {
  it('installs with no errors, sets its alarms, saves a served article from the popup, and the library finds it', async () => {
    expect(existsSync(join(FIREFOX_BUILD, 'manifest.json')), 'npm run build:e2e:firefox first').toBe(true);
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
      background: unknown;
    };
    expect(manifest.browser_specific_settings.gecko.id).toBe(ADDON_ID);
    // The event page is ES modules: a wake loads its entry and what that imports, and each event's
    // feature only when the event comes; the sync engine only for a sync pass.
    expect(manifest.background).toEqual({ type: 'module', scripts: ['background.js'] });
    const wakeFiles = staticImports(FIREFOX_BUILD, 'background.js');
    const entry = readFileSync(join(FIREFOX_BUILD, 'background.js'), 'utf8');
    expect(entry).toMatch(/\bimport\(\s*["']\.\/chunks\/background-changes-feature-/);
    expect(wakeFiles.filter((file) => /background-(sync-pass|session|[\w-]+-feature)-/.test(file))).toEqual([]);
    expect(readdirSync(join(FIREFOX_BUILD, 'chunks')).some((file) => /^background-sync-pass-/.test(file))).toBe(true);

    const html = articleFixture('ars-1');
    server = createServer((request, response) => {
      if (request.url !== ARTICLE_PATH) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const articleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ARTICLE_PATH}`;

    firefox = await launchFirefox(ADDON_ID);
    const { bidi, extensionOrigin } = firefox;
    // Errors logged in the extension's own pages (the served article's own scripts do not count).
    const errors: { context: string; text: string }[] = [];
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    bidi.on('log.entryAdded', (entry) => {
      const source = entry.source as { context?: string } | undefined;
      if (entry.level === 'error') errors.push({ context: source?.context ?? '', text: String(entry.text) });
    });

    const installed = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: FIREFOX_BUILD },
    });
    expect(installed.extension).toBe(ADDON_ID);

    // The first run opens the welcome page (BiDi may not navigate to an extension page itself).
    const library = await until('the welcome page', () => findTab(bidi, `${extensionOrigin}/library.html`));
    // The background's first run plans its alarms.
    const alarms = await until('the background to set its alarms', async () => {
      const names = await evaluate<string[]>(
        bidi,
        library,
        'browser.alarms.getAll().then((all) => all.map((a) => a.name).sort())',
      );
      return names.includes('prompt') && names.includes('backup-reminder') ? names : undefined;
    });
    expect(alarms).toEqual(expect.arrayContaining(['prompt', 'backup-reminder']));
    expect(alarms).not.toContain('snapshot');

    // The popup, pointed at the article's tab, captures it and saves it.
    const article = await openTab(bidi, articleUrl);
    const tabId = await until('the article tab', () =>
      evaluate<number | undefined>(
        bidi,
        library,
        `browser.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(articleUrl)} && tab.status === 'complete')?.id)`,
      ),
    );
    await evaluate(bidi, library, `browser.tabs.create({ url: '/popup.html?tab=${tabId}' }).then(() => true)`);
    const popup = await until('the popup page', () => findTab(bidi, `${extensionOrigin}/popup.html`));
    const title = expectedMetadata('ars-1').title;
    await until('the popup to show the captured title', () =>
      evaluate<boolean>(
        bidi,
        popup,
        `document.querySelector('.capture-title')?.textContent.trim() === ${JSON.stringify(title)}`,
      ),
    );
    await evaluate(
      bidi,
      popup,
      `(() => { [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save this page').click(); return true; })()`,
    );
    await until('Saved', () =>
      evaluate<boolean>(
        bidi,
        popup,
        `[...document.querySelectorAll('[role=status]')].some((s) => /Saved/.test(s.textContent))`,
      ),
    );

    // The page's save reached the event page, which loaded its change reactions on demand
    // (import()): the snapshot's alarm is set by one of them, never at install.
    await until('the background to react to the save', () =>
      evaluate<boolean>(bidi, library, `browser.alarms.get('snapshot').then((alarm) => Boolean(alarm))`),
    );

    // The library: the search box finds it by a word of its title.
    await evaluate(bidi, library, `(() => { location.hash = '#resources'; return true; })()`);
    await until('the search box', () =>
      evaluate<boolean>(bidi, library, `Boolean(document.querySelector('input[type=search]'))`),
    );
    await evaluate(
      bidi,
      library,
      `(() => { const box = document.querySelector('input[type=search]'); box.value = 'minecraft'; box.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
    const found = await until('the library to find it', () =>
      evaluate<string[]>(
        bidi,
        library,
        `[...document.querySelectorAll('.res-row .res-title')].map((e) => e.textContent.trim())`,
      ).then((titles) => (titles.length ? titles : undefined)),
    );
    expect(found).toEqual([title]);

    // An import: Settings reads, checks and writes the file in a module worker of its own.
    await evaluate(bidi, library, `(() => { location.hash = '#settings'; return true; })()`);
    await until('the import button', () =>
      evaluate<boolean>(bidi, library, `Boolean(document.querySelector('input[type=file]'))`),
    );
    const links = ['https://example.org/one', 'https://example.org/two', 'https://example.com/three'].join('\n');
    await evaluate(
      bidi,
      library,
      `(() => { const input = document.querySelector('input[type=file]'); const files = new DataTransfer(); files.items.add(new File([${JSON.stringify(links)}], 'links.txt', { type: 'text/plain' })); input.files = files.files; input.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    // Asked first: the worker's dry run says what would change, and Import writes it.
    await until('the import preview', () =>
      evaluate<boolean>(
        bidi,
        library,
        `(() => { const go = [...document.querySelectorAll('.backup-preview button')].find((b) => b.textContent.trim() === 'Import these links'); go?.click(); return Boolean(go); })()`,
      ),
    );
    const added = await until('the import to answer', () =>
      evaluate<string | null>(
        bidi,
        library,
        `document.querySelector('.backup-result .is-added dd')?.textContent ?? document.querySelector('.notice-error[role=alert]')?.textContent ?? null`,
      ).then((text) => text ?? undefined),
    );
    expect(added).toBe('3');
    expect(errors.filter((error) => error.context !== article)).toEqual([]);
  }, 120_000);
});

/** `file` and every file it imports statically (`import … from "./x.js"`), as paths in `dir`. */
function staticImports(dir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [...seen];
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const match of code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g))
    staticImports(dir, join(dirname(file), match[1] ?? match[2]!), seen);
  return [...seen];
}
