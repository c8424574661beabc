import type { LinkEntry, ParsedLinks } from './links';

/**
 * A plain list of links, one a line. A line may carry a title after the address
 * (`https://example.com An example`); blank lines and lines starting with `#` are ignored.
 */
export function parseUrlList(text: string): ParsedLinks {
  const entries: LinkEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const [url = '', ...rest] = trimmed.split(/\s+/);
    const title = rest.join(' ').trim();
    entries.push({ position: i + 1, url, tags: [], ...(title ? { title } : {}) });
  });
  return { source: 'urls', entries };
}
