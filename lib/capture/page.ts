import { canonicalizeUrl } from './canonical-url';
import { absoluteWebUrl, clean, compact, hostLabel, iconUrl, metaContent, metaProperty, textOf } from './dom';
import type { CapturedPage } from '../model/captured-page';

/** Without a canonical http(s) form (a file: page), the URL minus its fragment stands in. */
export function canonicalOrSelf(url: string): string {
  const canonical = canonicalizeUrl(url);
  if (canonical) return canonical;
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/** Metadata any page can offer: Open Graph, Twitter cards, plain HTML. */
export function extractPage(doc: Document, url: string): CapturedPage {
  return compact<CapturedPage>({
    url,
    canonicalUrl: canonicalOrSelf(url),
    kind: 'page',
    title:
      metaProperty(doc, 'og:title', 'twitter:title') ?? clean(doc.title) ?? textOf(doc, 'h1') ?? hostLabel(url) ?? url,
    site: metaProperty(doc, 'og:site_name') ?? hostLabel(url),
    description:
      metaProperty(doc, 'og:description') ??
      metaContent(doc, 'meta[name="description"]') ??
      metaProperty(doc, 'twitter:description'),
    iconUrl: iconUrl(doc, url),
    thumbnailUrl: thumbnailUrl(doc, url),
  });
}

export function thumbnailUrl(doc: Document, url: string): string | undefined {
  return (
    absoluteWebUrl(metaProperty(doc, 'og:image:secure_url', 'og:image', 'og:image:url'), url) ??
    absoluteWebUrl(metaProperty(doc, 'twitter:image', 'twitter:image:src'), url)
  );
}
