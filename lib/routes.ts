export const SECTIONS = [
  'resources',
  'resource',
  'log',
  'review',
  'journal',
  'actions',
  'team',
  'assessment',
  'settings',
  'welcome',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  /** `#resource/<id>` → the id. */
  param?: string;
  /** `#journal?prompt=abc` → { prompt: 'abc' }. */
  query: Record<string, string>;
}

/** Every view has its own hash, so it can be linked, reloaded and opened from a notification. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const [head, ...rest] = path.split('/');
  const section = (SECTIONS as readonly string[]).includes(head ?? '') ? (head as Section) : 'resources';
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  return { section, ...(param ? { param } : {}), query: Object.fromEntries(new URLSearchParams(search)) };
}

export function routeHash(section: Section, param?: string, query?: Record<string, string>): string {
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `#${section}${param ? `/${encodeURIComponent(param)}` : ''}${search}`;
}

/** The library page's address for a view, for tabs the background opens. */
export function libraryPath(section: Section, param?: string, query?: Record<string, string>): string {
  return `/library.html${routeHash(section, param, query)}`;
}
