/**
 * One string per resource, so saving the same thing twice updates one record instead of
 * making two: the `canonicalUrl` unique index depends on it.
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_eid',
  'mc_cid',
  'igshid',
  'igsh',
  'si',
  'feature',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'yclid',
  'ysclid',
  'spm',
  '_ga',
  '_gl',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ck_subscriber_id',
  '_openstat',
  'trk',
  'trkcampaign',
  'sc_campaign',
  'sc_channel',
  'sc_content',
  'sc_medium',
  'sc_outcome',
  'sc_geo',
  'sc_country',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'matomo_', 'hsa_'];

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'gaming.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const SHORT_HOSTS = new Set(['youtu.be', 'www.youtu.be']);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Path forms that carry the id as the segment after the prefix. */
const ID_PATHS = new Set(['shorts', 'embed', 'live', 'v', 'e']);

function parseWebUrl(input: string): URL | null {
  if (typeof input !== 'string') return null;
  try {
    const url = new URL(input.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function isTrackingParam(key: string): boolean {
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function videoIdOf(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | null | undefined;
  if (SHORT_HOSTS.has(host)) {
    candidate = segments[0];
  } else if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') candidate = url.searchParams.get('v') ?? segments[1];
    else if (segments[0] && ID_PATHS.has(segments[0])) candidate = segments[1];
  }
  return candidate && VIDEO_ID.test(candidate) ? candidate : null;
}

export function youtubeVideoId(url: string): string | null {
  const parsed = parseWebUrl(url);
  return parsed ? videoIdOf(parsed) : null;
}

export function youtubeWatchUrl(id: string): string {
  return `https://www.youtube.com/watch?v=${id}`;
}

/** `t=1h2m3s`, `t=123`, `t=123s`, `t=1:02:03`; null when absent or not a time. */
function parseTimestamp(value: string | null): number | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?s?$/.test(text)) return Math.floor(Number.parseFloat(text));
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

/**
 * Where a YouTube link asks the player to start (`t=` or `start=`, in the query or, as share
 * links sometimes put it, in the fragment). Used when the player itself cannot be read.
 */
export function youtubeStartSeconds(url: string): number | null {
  const parsed = parseWebUrl(url);
  if (!parsed || !videoIdOf(parsed)) return null;
  const fragment = new URLSearchParams(parsed.hash.replace(/^#/, ''));
  for (const params of [parsed.searchParams, fragment]) {
    for (const name of ['t', 'start', 'time_continue']) {
      const seconds = parseTimestamp(params.get(name));
      if (seconds !== null && Number.isFinite(seconds)) return seconds;
    }
  }
  return null;
}

/**
 * Canonical form of an http(s) URL, or null for anything else. Never throws.
 *
 * The query is filtered and sorted as raw `key=value` pieces rather than through
 * URLSearchParams, whose re-encoding (`?a` → `?a=`, `%20` → `+`) could change what a server
 * receives.
 */
export function canonicalizeUrl(input: string): string | null {
  const url = parseWebUrl(input);
  if (!url) return null;
  try {
    const id = videoIdOf(url);
    if (id) return youtubeWatchUrl(id);

    const pieces = url.search
      .replace(/^\?/, '')
      .split('&')
      .filter((piece) => piece !== '')
      .map((piece) => {
        const rawKey = piece.split('=', 1)[0] ?? '';
        return { piece, rawKey, key: decodeKey(rawKey) };
      })
      .filter(({ key }) => !isTrackingParam(key));
    // Array.prototype.sort is stable: repeated keys (a=1&a=2) keep their order, which matters.
    pieces.sort((a, b) => (a.rawKey < b.rawKey ? -1 : a.rawKey > b.rawKey ? 1 : 0));
    const query = pieces.map(({ piece }) => piece).join('&');
    // The setter strips one leading "?", which would eat a key that itself starts with "?".
    url.search = query ? `?${query}` : '';

    // Hash routes (#/inbox/1, #!/post/2) name different pages of a single-page app; any
    // other fragment is a position inside one page.
    if (!/^#!?\//.test(url.hash)) url.hash = '';

    // A host written with a trailing dot is the same host.
    if (url.hostname.endsWith('.') && url.hostname.length > 1) url.hostname = url.hostname.replace(/\.+$/, '');
    return url.href;
  } catch {
    return null;
  }
}
