import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFragmentTerm, type FragmentParts } from '../../lib/quotes/fragment';
import { evaluate, firefoxPath, launchFirefox, type Bidi, type Firefox } from '../firefox/bidi';
import { ARTICLE_FIXTURES, chromePath, EXTENSION_DIR, ROOT } from './harness';
import {
  markedShare,
  markOnly,
  type Place,
  placeBoxes,
  preparePlace,
  restoreSelection,
  samplePlaces,
  type SelectedPath,
  selectionPath,
} from './quote-links-page';

// Quote links measured as a user meets them: a passage selected in a real page (a sentence as a
// drag selects it, a paragraph by triple-click: the generator's slow path), kept by the shipped
// selection script, then its link opened in the same browser. A hit is when the browser's own
// text-fragment mark (::target-text, painted magenta with all else hidden, read from a
// screenshot) covers exactly the passage. The sample is seeded, so every run measures the same
// passages: 20 sentences of 8 words or more and 5 paragraphs of over 300 characters from the last
// third of each article fixture with body text and of the two long pages.

function nameOf(dir: string): string {
  return dir.split('/').pop()!;
}

const LONG_PAGES = join(ROOT, 'tests/fixtures/long-pages');
/** QUOTE_LINK_PAGES=v8-blog,wapo-1 measures only those (to look into a miss). */
const ONLY = process.env.QUOTE_LINK_PAGES?.split(',');
const PAGES = [
  ...readdirSync(ARTICLE_FIXTURES, { withFileTypes: true })
    // Readability's two metadata tests hold no article, only the same Lorem ipsum paragraph twice:
    // no text directive can tell one copy from the other (measured, they are the only misses).
    .filter((entry) => entry.isDirectory() && !['003-metadata-preferred', 'parsely-metadata'].includes(entry.name))
    .map((entry) => join(ARTICLE_FIXTURES, entry.name)),
  ...['wikipedia-2', 'lazy-image-2'].map((name) => join(LONG_PAGES, name)),
].filter((dir) => !ONLY || ONLY.includes(nameOf(dir)));
/** Screenshots of the misses, to look at. */
const MISSES = join(ROOT, process.env.WXT_OUT_DIR ?? '.output-e2e', 'quote-link-misses');
/**
 * The sample (20 sentences and 5 paragraphs a page, both browsers) takes about 15 minutes
 * here: `npm run measure:quote-links` runs it. `npm test` keeps a smaller seeded sample of the same
 * pages in Chromium (3 and 1 a page), to hold the share in every run.
 */
const FULL = process.env.QUOTE_LINK_SAMPLE === 'full';
const SENTENCES = FULL ? 20 : 3;
const PARAGRAPHS = FULL ? 5 : 1;
const TARGET = 0.95;
/** How long a link is given to show its mark: a miss costs this, a hit far less. */
const MARK_WAIT_MS = 4_000;
const VIEW = { width: 1280, height: 1000 };
/** Page scripts do not run: the saved pages would fetch, redirect and rewrite themselves. */
/** The page alone: no script, frame, font or remote image; its own inline styles kept. */
const OFFLINE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" };

interface Kept {
  exact: string;
  fragment?: string;
  link?: string;
  /** What the generator alone gave (the code before this check): its status and directive. */
  generator: { status: number; directive?: string };
}

interface Outcome {
  browser: string;
  page: string;
  place: Place;
  kept: Kept;
  hit: boolean;
  hitBefore: boolean;
  share?: { inside: number; outside: number; area: number; refused?: string };
}

const outcomes: Outcome[] = [];

function seedOf(name: string): number {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** The page's own address where it says one (its canonical link), so it is served where it lived. */
function realisticUrl(html: string, name: string): string {
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["'](https?:\/\/[^"'#]+)["']/i.exec(html)?.[1];
  return canonical ?? `https://www.example.org/articles/${name}/`;
}

const captureScript = () => {
  const file = join(EXTENSION_DIR, 'capture-selection.js');
  if (!existsSync(file)) throw new Error('Build the e2e copy first: npm run build:e2e');
  return `(() => {\n${readFileSync(file, 'utf8')}\nreturn captureSelection;\n})()`;
};

/** The generator alone, as the code before this check used it. */
async function generatorScript(): Promise<string> {
  const bundled = await build({
    stdin: {
      contents:
        "import { generateFragment } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';\n" +
        // It throws its timeout (the code before caught it and kept no directive).
        'let result;\ntry { result = generateFragment(document.getSelection()); } catch { result = { status: 3 }; }\n' +
        'globalThis.__generated = { status: result.status, fragment: result.fragment };',
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return `(() => {\n${bundled.outputFiles[0]!.text}\nreturn globalThis.__generated;\n})()`;
}

/** The directive as the code before encoded the generator's terms: trimmed, white space as it came. */
function directiveBefore(parts: FragmentParts): string {
  const terms = [
    ...(parts.prefix?.trim() ? [`${encodeFragmentTerm(parts.prefix.trim())}-`] : []),
    encodeFragmentTerm(parts.textStart.trim()),
    ...(parts.textEnd?.trim() ? [encodeFragmentTerm(parts.textEnd.trim())] : []),
    ...(parts.suffix?.trim() ? [`-${encodeFragmentTerm(parts.suffix.trim())}`] : []),
  ];
  return `text=${terms.join(',')}`;
}

function call(fn: (...args: never[]) => unknown, ...args: unknown[]): string {
  return `(${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(',')})`;
}

function hitOf(share: { inside: number; outside: number; area: number }): boolean {
  return share.area > 0 && share.inside >= 0.9 && share.outside <= share.area * 0.02;
}

/** One browser's driver: the few things the measurement asks of it. */
interface Driver {
  name: string;
  open(url: string): Promise<void>;
  run<T>(expression: string): Promise<T>;
  tripleClick(x: number, y: number): Promise<void>;
  /** Opens `href` in the viewer tab, hides all but the mark, scrolls to `place`; returns its boxes. */
  view(href: string, selected: SelectedPath): Promise<ReturnType<typeof placeBoxes>>;
  screenshot(): Promise<string>;
  share(png: string, boxes: ReturnType<typeof placeBoxes>): Promise<{ inside: number; outside: number; area: number }>;
}

async function measure(driver: Driver, urls: Map<string, string>, generator: string, capture: string) {
  for (const dir of PAGES) {
    const name = nameOf(dir);
    const url = urls.get(name)!;
    await driver.open(url);
    const places = await driver.run<Place[]>(call(samplePlaces, seedOf(name), SENTENCES, PARAGRAPHS));
    for (const place of places) {
      try {
        await measurePlace(driver, url, name, place, generator, capture);
      } catch (error) {
        // A step the browser refused (Firefox once answered a navigation "Address rejected"):
        // counted as a miss with its reason, and the measurement goes on.
        outcomes.push({
          browser: driver.name,
          page: name,
          place,
          kept: { exact: `(not measured: ${String(error).slice(0, 200)})`, generator: { status: -1 } },
          hit: false,
          hitBefore: false,
        });
      }
    }
  }
}

async function measurePlace(
  driver: Driver,
  url: string,
  name: string,
  place: Place,
  generator: string,
  capture: string,
) {
  await driver.open(url);
  const point = await driver.run<{ x: number; y: number } | null>(call(preparePlace, place));
  if (place.kind === 'paragraph') {
    if (!point) throw new Error('no word outside a link to click');
    await driver.tripleClick(point.x, point.y);
  }
  const selected = await driver.run<SelectedPath | null>(call(selectionPath));
  if (!selected) throw new Error(`${driver.name} ${name}: nothing selected at ${JSON.stringify(place)}`);
  const read = await driver.run<{ quote?: { exact: string; fragment?: string }; link?: string } | null>(capture);
  if (!read?.quote) throw new Error(`${driver.name} ${name}: nothing kept for ${JSON.stringify(place)}`);
  // The code before ran the generator on the live selection: on the passage as selected.
  await driver.run(call(restoreSelection, selected));
  const generated = await driver.run<{ status: number; fragment?: FragmentParts }>(generator);
  const before = generated.status === 0 && generated.fragment ? directiveBefore(generated.fragment) : undefined;
  const kept: Kept = {
    exact: read.quote.exact,
    ...(read.quote.fragment ? { fragment: read.quote.fragment } : {}),
    ...(read.link ? { link: read.link } : {}),
    generator: { status: generated.status, ...(before ? { directive: before } : {}) },
  };
  const opened = async (directive: string | undefined) => {
    if (!directive) return { hit: false };
    let boxes: ReturnType<typeof placeBoxes>;
    try {
      boxes = await driver.view(`${url}#:~:${directive}`, selected);
    } catch (error) {
      // A link the browser refuses to open is a miss, not the end of the measurement.
      return { hit: false, share: { inside: 0, outside: 0, area: 0, refused: String(error) } };
    }
    const end = Date.now() + MARK_WAIT_MS;
    let png = await driver.screenshot();
    let share = await driver.share(png, boxes);
    // The mark comes after the page loads: wait for it, not for a set time.
    while (!hitOf(share) && Date.now() < end) {
      png = await driver.screenshot();
      share = await driver.share(png, boxes);
    }
    if (!hitOf(share)) {
      mkdirSync(MISSES, { recursive: true });
      writeFileSync(
        join(MISSES, `${driver.name}-${name}-${outcomes.length}.png`),
        new Uint8Array(Buffer.from(png, 'base64')),
      );
    }
    return { hit: hitOf(share), share };
  };
  const now = await opened(kept.fragment);
  const hitBefore = before === kept.fragment ? now.hit : (await opened(before)).hit;
  outcomes.push({ browser: driver.name, page: name, place, kept, hit: now.hit, hitBefore, share: now.share });
}

function report(browser: string): { share: number; before: number; total: number; misses: Outcome[] } {
  const mine = outcomes.filter((outcome) => outcome.browser === browser);
  const misses = mine.filter((outcome) => !outcome.hit);
  return {
    share: mine.length ? (mine.length - misses.length) / mine.length : 0,
    before: mine.length ? mine.filter((outcome) => outcome.hitBefore).length / mine.length : 0,
    total: mine.length,
    misses,
  };
}

let browser: Browser | undefined;
let firefox: Firefox | undefined;
let server: Server | undefined;
afterAll(async () => {
  await browser?.close();
  await firefox?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outcomes.length)
    writeFileSync(
      join(ROOT, process.env.WXT_OUT_DIR ?? '.output-e2e', 'quote-links.json'),
      JSON.stringify(outcomes, null, 1),
    );
});

const html = new Map(PAGES.map((dir) => [nameOf(dir), readFileSync(join(dir, 'source.html'), 'utf8')]));

describe('quote links reopen the passage', () => {
  it('in Chromium: at least 95 % of sampled sentences and paragraphs are marked exactly', async () => {
    const capture = captureScript();
    const generator = await generatorScript();
    browser = await chromium.launch({
      executablePath: chromePath(),
      headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1 });
    const urls = new Map([...html].map(([name, source]) => [name, realisticUrl(source, name)]));
    const byUrl = new Map([...urls].map(([name, url]) => [url, html.get(name)!]));
    await context.route(
      () => true,
      (route) => {
        const body = byUrl.get(route.request().url().split('#')[0]!);
        return body ? route.fulfill({ status: 200, headers: HEADERS, body }) : route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    const viewer = await context.newPage();
    const reader = await context.newPage();
    const driver: Driver = {
      name: 'chromium',
      open: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      run: (expression) => page.evaluate(expression),
      tripleClick: (x, y) => page.mouse.click(x, y, { clickCount: 3 }),
      view: async (href, selected) => {
        await viewer.goto('about:blank');
        await viewer.goto(href, { waitUntil: 'load' });
        await viewer.evaluate(markOnly);
        return viewer.evaluate(placeBoxes, selected);
      },
      screenshot: async () => (await viewer.screenshot()).toString('base64'),
      share: (png, boxes) => reader.evaluate(call(markedShare, png, boxes)),
    };
    await measure(driver, urls, generator, capture);
    const result = report('chromium');
    console.log(summary('chromium', result));
    if (!ONLY) expect(result.total).toBeGreaterThan(FULL ? 100 : 20);
    expect(result.share).toBeGreaterThanOrEqual(TARGET);
  }, 1_800_000);

  it.runIf(FULL && Boolean(firefoxPath()))(
    'in Firefox: at least 95 % too',
    async () => {
      const capture = captureScript();
      const generator = await generatorScript();
      server = createServer((request, response) => {
        const body = html.get((request.url ?? '').split('/')[1] ?? '');
        if (!body) return void response.writeHead(404).end();
        // Nothing beyond the page loads, as Chromium's route refuses it: here the saved pages' ad
        // frames and beacons point at hosts this machine cannot reach, and Firefox then rejects
        // the whole navigation ("Address rejected"), which is not what a user's browser does.
        response.writeHead(200, { ...HEADERS, 'content-security-policy': OFFLINE_POLICY }).end(body);
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const urls = new Map([...html.keys()].map((name) => [name, `${origin}/${name}/`]));
      firefox = await launchFirefox('quote-links@learning-loop.app');
      const { bidi } = firefox;
      const tab = async () => {
        const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
        await bidi.send('browsingContext.setViewport', { context, viewport: VIEW, devicePixelRatio: 1 });
        return context;
      };
      const page = await tab();
      const viewer = await tab();
      const reader = await tab();
      const navigate = (context: string, url: string) =>
        bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      const driver: Driver = {
        name: 'firefox',
        open: async (url) => void (await navigate(page, url)),
        run: (expression) => evaluate(bidi, page, expression),
        tripleClick: (x, y) => tripleClick(bidi, page, x, y),
        view: async (href, selected) => {
          await navigate(viewer, 'about:blank');
          await navigate(viewer, href);
          await evaluate(bidi, viewer, call(markOnly));
          return evaluate(bidi, viewer, call(placeBoxes, selected));
        },
        screenshot: async () =>
          (await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: viewer })).data,
        share: (png, boxes) => evaluate(bidi, reader, call(markedShare, png, boxes)),
      };
      await measure(driver, urls, generator, capture);
      const result = report('firefox');
      console.log(summary('firefox', result));
      if (!ONLY) expect(result.total).toBeGreaterThan(FULL ? 100 : 20);
      expect(result.share).toBeGreaterThanOrEqual(TARGET);
    },
    1_800_000,
  );
});

async function tripleClick(bidi: Bidi, context: string, x: number, y: number): Promise<void> {
  const click = [
    { type: 'pointerDown', button: 0 },
    { type: 'pointerUp', button: 0 },
  ];
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x, y, origin: 'viewport' }, ...click, ...click, ...click],
      },
    ],
  });
  await bidi.send('input.releaseActions', { context });
}

function summary(browser: string, result: ReturnType<typeof report>): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  const lines = [
    `${browser}: ${percent(result.share)} of ${result.total} passages reopened exactly (the generator alone: ${percent(result.before)})`,
    ...result.misses.map(
      (miss) =>
        `  miss ${miss.page} ${miss.place.kind} (link ${miss.kept.link ?? 'none'}, generator status ${miss.kept.generator.status}, marked ${JSON.stringify(miss.share)}): “${miss.kept.exact.slice(0, 90)}” ${miss.kept.fragment ?? ''}`,
    ),
  ];
  return lines.join('\n');
}
