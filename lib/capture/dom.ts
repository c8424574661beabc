import { isWebUrl } from '../infra/limits';

// Small readers shared by the extractors. Page markup is untrusted and often broken, so each
// one answers undefined rather than throwing.

/** Folded, trimmed text, or undefined when empty. */
export function clean(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = value.replace(/\s+/g, ' ').trim();
  return folded || undefined;
}

/** First non-empty `content` of `<meta>` tags matching any of the selectors, in order. */
export function metaContent(doc: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const value = clean(el.getAttribute('content'));
      if (value) return value;
    }
  }
  return undefined;
}

/** `<meta property=X>` or `<meta name=X>`: sites mix the two for og:* and twitter:*. */
export function metaProperty(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = metaContent(doc, `meta[property="${name}"]`, `meta[name="${name}"]`);
    if (value) return value;
  }
  return undefined;
}

export function textOf(doc: Document | Element, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const value = clean(el.textContent);
      if (value) return value;
    }
  }
  return undefined;
}

/** Resolve against the page URL; only http(s) results are kept (no data:, javascript:, blob:). */
export function absoluteWebUrl(value: string | null | undefined, base: string): string | undefined {
  const raw = clean(value);
  if (!raw) return undefined;
  try {
    const resolved = new URL(raw, base).href;
    return isWebUrl(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's icon: declared `<link rel=icon>` (any spelling), else the origin's /favicon.ico,
 * which browsers fall back to as well.
 */
export function iconUrl(doc: Document, url: string): string | undefined {
  const links = Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel][href]'));
  const byRel = (test: (rels: string[]) => boolean) =>
    links.find((link) => test((link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)));
  const declared =
    byRel((rels) => rels.includes('icon')) ??
    byRel((rels) => rels.includes('apple-touch-icon') || rels.includes('apple-touch-icon-precomposed'));
  const fromLink = absoluteWebUrl(declared?.getAttribute('href'), url);
  if (fromLink) return fromLink;
  try {
    const origin = new URL(url);
    return isWebUrl(origin.href) ? `${origin.origin}/favicon.ico` : undefined;
  } catch {
    return undefined;
  }
}

export function hostLabel(url: string): string | undefined {
  try {
    return clean(new URL(url).hostname.replace(/^www\./, ''));
  } catch {
    return undefined;
  }
}

/** ISO 8601 when the date parses, else undefined: a date the app cannot sort by is noise. */
export function isoDate(value: string | null | undefined): string | undefined {
  const raw = clean(value);
  if (!raw) return undefined;
  const time = Date.parse(raw);
  if (!Number.isFinite(time)) return undefined;
  return new Date(time).toISOString();
}

/** ISO 8601 durations as schema.org and YouTube write them: PT1H2M3S, P1DT2H, PT4M13.5S. */
export function isoDurationSeconds(value: string | null | undefined): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
    clean(value) ?? '',
  );
  if (!match || match.slice(1).every((part) => part === undefined)) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const total = days * 86_400 + hours * 3_600 + minutes * 60 + seconds;
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/** Drop undefined and empty values so the executeScript result stays a plain, small object. */
export function compact<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) continue;
    out[key] = value;
  }
  return out as T;
}
