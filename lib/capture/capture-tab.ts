import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../i18n';
import { capLine, isWebUrl, LIMITS } from '../infra/limits';
import { cleanSelection } from '../model/quote';
import { youtubeVideoId } from './canonical-url';
import { pageFromUrl } from './page-from-url';
import type { CapturedPage, CaptureFailure, CaptureResult } from '../model/captured-page';

export { pageFromUrl } from './page-from-url';

export interface CaptureTarget {
  id?: number;
  url?: string;
  title?: string;
  status?: string;
  favIconUrl?: string;
}

/**
 * The scripts capture injects (entrypoints/capture*.ts): one reads the page, chosen by its
 * address so a YouTube video never loads the article reader; the selection script follows only
 * when the page says text is selected, so a page read without a quote never loads the directive
 * generator.
 */
export type CaptureScript = '/capture.js' | '/capture-youtube.js' | '/capture-selection.js';

export type ExecuteScript = (injection: {
  target: { tabId: number };
  files: [CaptureScript];
}) => Promise<readonly { result?: unknown }[] | undefined>;

/** The script that reads the page at `url`. */
export function pageScriptFor(url: string | undefined): '/capture.js' | '/capture-youtube.js' {
  return url && youtubeVideoId(url) ? '/capture-youtube.js' : '/capture.js';
}

export interface CaptureDeps {
  executeScript: ExecuteScript;
  /** The tab once it has finished loading, or undefined when it has not within `ms`. */
  waitUntilLoaded?: (tabId: number, ms: number) => Promise<CaptureTarget | undefined>;
}

/**
 * How long the popup waits for a loading tab before offering its address only. The browser marks
 * a tab complete a moment after its load event, so a popup opened just then would otherwise read
 * no video position, chapters or description.
 */
export const LOAD_WAIT_MS = 2000;

function waitUntilLoaded(tabId: number, ms: number): Promise<CaptureTarget | undefined> {
  return new Promise((resolve) => {
    const done = (tab: CaptureTarget | undefined) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve(tab);
    };
    const onUpdated = (id: number, change: { status?: string }, tab: CaptureTarget) => {
      if (id === tabId && change.status === 'complete') done(tab);
    };
    const timer = setTimeout(() => done(undefined), ms);
    browser.tabs.onUpdated.addListener(onUpdated);
    // It may have finished between the popup's first look and the listener.
    void browser.tabs
      .get(tabId)
      .then((tab) => tab.status === 'complete' && done(tab))
      .catch(() => done(undefined));
  });
}

const defaultDeps: CaptureDeps = {
  executeScript: (injection) => browser.scripting.executeScript(injection),
  waitUntilLoaded,
};

/** Schemes no extension may script. */
const RESTRICTED_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'extension:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'brave:',
  'opera:',
  'vivaldi:',
]);

/** Extension stores: every browser blocks scripts on its own, whatever the permissions. */
function isExtensionStore(url: URL): boolean {
  const host = url.hostname;
  return (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && url.pathname.startsWith('/webstore')) ||
    host === 'microsoftedge.microsoft.com'
  );
}

/**
 * Firefox's `extensions.webextensions.restrictedDomains`. Chrome scripts these fine, so they are
 * tried first, and a failure there is explained as a restriction rather than a bug.
 */
const FIREFOX_RESTRICTED_HOSTS = new Set([
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

/** Chrome's built-in PDF viewer. */
const CHROME_PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isPdfPath(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname);
}

/**
 * A PDF shown by a viewer extension: the document's own address, when the viewer's URL carries
 * it (pdf.js `?file=`, viewers that append the address to their path), so it can still be saved.
 */
function pdfViewerTarget(url: URL): string | null | undefined {
  if (url.protocol !== 'chrome-extension:' && url.protocol !== 'moz-extension:' && url.protocol !== 'resource:')
    return undefined;
  let inner = url.searchParams.get('file') ?? url.searchParams.get('src') ?? url.pathname.replace(/^\/+/, '');
  try {
    inner = decodeURIComponent(inner);
  } catch {
    // Not percent-encoded after all: use it as it is.
  }
  const innerUrl = parse(inner);
  if (innerUrl && isWebUrl(innerUrl.href) && (isPdfPath(innerUrl) || url.hostname === CHROME_PDF_VIEWER))
    return innerUrl.href;
  if (url.hostname === CHROME_PDF_VIEWER || (url.protocol === 'resource:' && url.hostname === 'pdf.js')) return null;
  return undefined;
}

const KINDS = new Set(['video', 'article', 'page']);
const STRING_FIELDS = ['site', 'author', 'description', 'publishedAt', 'videoId'] as const;
const STRING_LIMITS: Record<(typeof STRING_FIELDS)[number], number> = {
  site: LIMITS.site,
  author: LIMITS.author,
  description: LIMITS.description,
  publishedAt: 100,
  videoId: 100,
};
const URL_FIELDS = ['thumbnailUrl', 'iconUrl'] as const;
const NUMBER_FIELDS = ['durationSec', 'readingMinutes', 'positionSec'] as const;

/**
 * The script's answer crossed from the page's process: check its shape and keep only fields of
 * the right type, so a page that tampers with its own DOM cannot hand the app something else.
 */
export function toCapturedPage(value: unknown): CapturedPage | null {
  if (!isRecord(value)) return null;
  const record = value;
  const { url, canonicalUrl, kind, title } = record;
  if (
    typeof url !== 'string' ||
    typeof canonicalUrl !== 'string' ||
    !canonicalUrl ||
    typeof kind !== 'string' ||
    !KINDS.has(kind)
  )
    return null;
  // An address longer than any we store is not cut (that would be another address): nothing to save.
  if (url.length > LIMITS.url || canonicalUrl.length > LIMITS.url) return null;
  // Page text is capped here, before anything renders it: a megabyte title froze the popup.
  const page: CapturedPage = {
    url,
    canonicalUrl,
    kind: kind as CapturedPage['kind'],
    title: capLine(title, LIMITS.title),
  };
  for (const key of STRING_FIELDS) {
    const field = capLine(record[key], STRING_LIMITS[key]);
    if (field) page[key] = field;
  }
  for (const key of URL_FIELDS) {
    const field = record[key];
    if (isWebUrl(field) && field.length <= LIMITS.url) page[key] = field;
  }
  for (const key of NUMBER_FIELDS) {
    const field = record[key];
    if (typeof field === 'number' && Number.isFinite(field) && field >= 0) page[key] = field;
  }
  if (record.embeddedVideo === true) page.embeddedVideo = true;
  const selection = cleanSelection(record.selection);
  if (selection) {
    page.selection = selection;
    if (record.selectionLink === 'first' || record.selectionLink === 'missed')
      page.selectionLink = record.selectionLink;
  } else if (record.selectionRefused === 'form-field') page.selectionRefused = 'form-field';
  if (Array.isArray(record.transcriptNow)) {
    const said = record.transcriptNow
      .slice(0, LIMITS.transcriptLines)
      .map((line: unknown) => capLine(line, LIMITS.transcriptLine))
      .filter(Boolean);
    if (said.length) page.transcriptNow = said;
  }
  const chapterNow = capLine(record.chapterNow, LIMITS.chapter);
  if (chapterNow) page.chapterNow = chapterNow;
  if (Array.isArray(record.chapters)) {
    const chapters = record.chapters.slice(0, 200).flatMap((chapter: unknown) => {
      const { startSec, title: name } = (chapter ?? {}) as { startSec?: unknown; title?: unknown };
      const label = capLine(name, LIMITS.chapter);
      return typeof startSec === 'number' && Number.isFinite(startSec) && startSec >= 0 && label
        ? [{ startSec: Math.floor(startSec), title: label }]
        : [];
    });
    if (chapters.length) page.chapters = chapters;
  }
  return page;
}

/**
 * What the tab's address and title alone say, before its page is read: the page to show and let
 * the user save while the capture script runs, for a tab the script will be asked to read (a web
 * page, loaded, not a PDF or a store page). Undefined where reading can only fail or must wait.
 */
export function pageBeforeReading(tab: CaptureTarget): CapturedPage | undefined {
  const url = parse(tab.url);
  if (!tab.url || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (tab.status === 'loading' || tab.id === undefined) return undefined;
  if (pdfViewerTarget(url) !== undefined || isExtensionStore(url) || isPdfPath(url)) return undefined;
  if (FIREFOX_RESTRICTED_HOSTS.has(url.hostname)) return undefined;
  return pageFromUrl(tab.url, tab.title, tab.favIconUrl);
}

/**
 * Read the tab the user chose. Pages no extension may read, PDFs and half-loaded tabs come back
 * as a failure with the reason; when the tab has a web address, the failure carries a fallback
 * built from its URL and title so the user can still save it.
 */
export async function captureTab(tab: CaptureTarget, deps: CaptureDeps = defaultDeps): Promise<CaptureResult> {
  const url = parse(tab.url);
  const fallback =
    tab.url && url && (url.protocol === 'http:' || url.protocol === 'https:')
      ? pageFromUrl(tab.url, tab.title, tab.favIconUrl)
      : undefined;
  const fail = (reason: CaptureFailure, page: CapturedPage | undefined = fallback): CaptureResult =>
    page ? { ok: false, reason, fallback: page } : { ok: false, reason };

  if (url) {
    const viewed = pdfViewerTarget(url);
    // The viewer's own address is not savable; the PDF's, when the viewer URL carries it, is.
    if (viewed !== undefined)
      return viewed ? fail('pdf', pageFromUrl(viewed, tab.title)) : { ok: false, reason: 'pdf' };
    if (RESTRICTED_SCHEMES.has(url.protocol)) return fail('restricted');
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:')
      return fail('unsupported-url');
    if (url.protocol !== 'file:' && isExtensionStore(url)) return fail('restricted');
    if (isPdfPath(url)) return fail('pdf');
  }
  // While a tab loads, its document can still be the page being left: reading it would save the
  // wrong thing under the new address.
  if (tab.status === 'loading') {
    const loaded = tab.id !== undefined ? await deps.waitUntilLoaded?.(tab.id, LOAD_WAIT_MS) : undefined;
    if (loaded?.status !== 'complete') return fail('loading');
    return captureTab(loaded, { executeScript: deps.executeScript });
  }
  if (tab.id === undefined) return fail('script-failed');

  let results: readonly { result?: unknown }[] | undefined;
  try {
    results = await deps.executeScript({ target: { tabId: tab.id }, files: [pageScriptFor(tab.url)] });
  } catch {
    if (url?.protocol === 'file:') return fail('file-access');
    if (url && FIREFOX_RESTRICTED_HOSTS.has(url.hostname)) return fail('restricted');
    // With activeTab the browser shows us the address of any page we may script; a tab whose
    // address is hidden and that refuses the script is one of the browser's own pages.
    if (!url) return fail('restricted');
    return fail('script-failed');
  }
  let answer = results?.[0]?.result;
  if (isRecord(answer) && answer.selectionPending === true)
    answer = { ...answer, ...(await readSelectionIn(tab.id, deps.executeScript)) };
  const page = toCapturedPage(answer);
  if (!page) return fail(url?.protocol === 'file:' ? 'file-access' : 'script-failed');
  return { ok: true, page };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** The selection script's answer as page fields (checked with the rest by toCapturedPage). */
async function readSelectionIn(
  tabId: number,
  executeScript: ExecuteScript,
): Promise<{ selection?: unknown; selectionLink?: unknown; selectionRefused?: unknown }> {
  try {
    const read = (await executeScript({ target: { tabId }, files: ['/capture-selection.js'] }))?.[0]?.result;
    if (!isRecord(read)) return {};
    return 'quote' in read ? { selection: read.quote, selectionLink: read.link } : { selectionRefused: read.refused };
  } catch {
    // The page went away or refused the second script: it is still saved, without a quote.
    return {};
  }
}

const MESSAGE_KEYS: Record<CaptureFailure, MessageKey> = {
  restricted: 'captureRestricted',
  loading: 'captureLoading',
  pdf: 'capturePdf',
  'file-access': 'captureFileAccess',
  'unsupported-url': 'captureUnsupportedUrl',
  'script-failed': 'captureScriptFailed',
};

export function captureFailureMessageKey(reason: CaptureFailure): MessageKey {
  return MESSAGE_KEYS[reason];
}

/** The reason in words, plus what the user can still do when the tab's address is savable. */
export function captureFailureMessage(reason: CaptureFailure, hasFallback = false): string {
  const message = t(captureFailureMessageKey(reason));
  return hasFallback ? `${message} ${t('captureFallbackHint')}` : message;
}
