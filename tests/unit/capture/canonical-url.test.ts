import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, youtubeStartSeconds, youtubeVideoId } from '../../../lib/capture/canonical-url';

describe('canonicalizeUrl', () => {
  it.each([
    ['lower-cases the host, keeps the path case', 'https://Example.COM/Docs/Page', 'https://example.com/Docs/Page'],
    ['drops the fragment', 'https://example.com/a#section-2', 'https://example.com/a'],
    ['drops a default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops the http default port', 'http://example.com:80/a', 'http://example.com/a'],
    ['keeps another port', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['drops utm_* params', 'https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z', 'https://example.com/a'],
    [
      'drops click ids',
      'https://example.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_eid=5&mc_cid=6&igshid=7&yclid=8&spm=9',
      'https://example.com/a',
    ],
    [
      'drops share and referral params',
      'https://example.com/a?si=abc&feature=share&ref_src=twsrc&_hsenc=p2&_hsmi=3',
      'https://example.com/a',
    ],
    [
      'keeps meaningful params, sorted',
      'https://example.com/search?q=lean&page=2&utm_source=nl',
      'https://example.com/search?page=2&q=lean',
    ],
    [
      'keeps the order of a repeated param',
      'https://example.com/a?tag=b&id=1&tag=a',
      'https://example.com/a?id=1&tag=b&tag=a',
    ],
    ['keeps a param without a value as written', 'https://example.com/a?print&b=1', 'https://example.com/a?b=1&print'],
    ['keeps the query encoding', 'https://example.com/a?q=team%20learning', 'https://example.com/a?q=team%20learning'],
    ['drops a trailing ?', 'https://example.com/a?', 'https://example.com/a'],
    ['drops an empty query after filtering', 'https://example.com/a?utm_source=x#top', 'https://example.com/a'],
    ['adds the root path', 'https://example.com', 'https://example.com/'],
    ['keeps the scheme', 'http://example.com/a', 'http://example.com/a'],
    [
      'keeps a hash route, which names a page of an app',
      'https://app.example.com/#/board/42?utm_source=x',
      'https://app.example.com/#/board/42?utm_source=x',
    ],
    ['keeps a hashbang route', 'https://example.com/#!/post/7', 'https://example.com/#!/post/7'],
    ['drops a trailing dot on the host', 'https://example.com./a', 'https://example.com/a'],
    ['trims surrounding spaces', '  https://example.com/a  ', 'https://example.com/a'],
  ])('%s', (_label, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    'chrome://settings',
    'about:blank',
    'file:///home/me/notes.html',
    'ftp://example.com/file',
    'javascript:alert(1)',
    'data:text/html,hi',
    'mailto:me@example.com',
    'chrome-extension://abc/popup.html',
    'not a url',
    '',
    '//example.com/a',
  ])('returns null for %s', (input) => {
    expect(canonicalizeUrl(input)).toBeNull();
  });

  const id = 'dQw4w9WgXcQ';
  const watch = `https://www.youtube.com/watch?v=${id}`;
  it.each([
    watch,
    `https://youtube.com/watch?v=${id}`,
    `http://www.youtube.com/watch?v=${id}`,
    `https://www.youtube.com/watch?v=${id}&t=42s`,
    `https://www.youtube.com/watch?list=PL1234&v=${id}&index=3&pp=ygU`,
    `https://www.youtube.com/watch?v=${id}&feature=youtu.be&si=AbCd`,
    `https://www.youtube.com/watch?v=${id}#t=1m`,
    `https://youtu.be/${id}`,
    `https://youtu.be/${id}?si=AbCdEf&t=90`,
    `https://www.youtube.com/shorts/${id}`,
    `https://www.youtube.com/shorts/${id}?feature=share`,
    `https://www.youtube.com/embed/${id}?start=30&autoplay=1`,
    `https://www.youtube-nocookie.com/embed/${id}`,
    `https://www.youtube.com/live/${id}?si=x`,
    `https://www.youtube.com/v/${id}`,
    `https://m.youtube.com/watch?v=${id}`,
    `https://music.youtube.com/watch?v=${id}&list=RDAMVM`,
    `https://WWW.YouTube.com/watch?v=${id}`,
  ])('maps %s to the one watch URL', (input) => {
    expect(canonicalizeUrl(input)).toBe(watch);
  });

  it.each([
    ['a channel page', 'https://www.youtube.com/@LeanTalks/videos?si=x', 'https://www.youtube.com/@LeanTalks/videos'],
    [
      'a playlist keeps its list',
      'https://www.youtube.com/playlist?list=PL123&si=x',
      'https://www.youtube.com/playlist?list=PL123',
    ],
    ['a malformed id', 'https://www.youtube.com/watch?v=short', 'https://www.youtube.com/watch?v=short'],
  ])('treats %s as an ordinary page', (_label, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });
});

describe('youtubeVideoId', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/a-b_c-d_e-f', 'a-b_c-d_e-f'],
    ['https://www.youtube.com/shorts/Zz_-9876543?feature=share', 'Zz_-9876543'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://music.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
  ])('%s → %s', (url, expected) => {
    expect(youtubeVideoId(url)).toBe(expected);
  });

  it.each([
    'https://www.youtube.com/watch?v=tooShort',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQx',
    'https://www.youtube.com/watch?v=dQw4w9WgX%3D',
    'https://www.youtube.com/',
    'https://www.youtube.com/live',
    'https://example.com/watch?v=dQw4w9WgXcQ',
    'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/',
    'garbage',
  ])('null for %s', (url) => {
    expect(youtubeVideoId(url)).toBeNull();
  });
});

describe('youtubeStartSeconds', () => {
  const base = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
  it.each([
    [`${base}&t=123`, 123],
    [`${base}&t=123s`, 123],
    [`${base}&t=1h2m3s`, 3723],
    [`${base}&t=2m`, 120],
    [`${base}&t=1:02:03`, 3723],
    [`${base}#t=45`, 45],
    ['https://youtu.be/dQw4w9WgXcQ?t=90', 90],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=30', 30],
  ])('%s → %i s', (url, expected) => {
    expect(youtubeStartSeconds(url)).toBe(expected);
  });

  it.each([base, `${base}&t=`, `${base}&t=soon`, 'https://example.com/a?t=30'])('null for %s', (url) => {
    expect(youtubeStartSeconds(url)).toBeNull();
  });
});

describe('canonicalizeUrl properties', () => {
  const anyUrlish = fc.oneof(
    fc.string(),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .constantFrom('http://', 'https://', 'youtu.be/', 'https://youtu.be/', '?', '#', '%', '%zz', '[::1]', ' ')
      .chain((prefix) => fc.string().map((rest) => prefix + rest)),
  );

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyUrlish, (input) => {
        canonicalizeUrl(input);
        youtubeVideoId(input);
        youtubeStartSeconds(input);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyUrlish, (input) => {
        const once = canonicalizeUrl(input);
        if (once !== null) expect(canonicalizeUrl(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the scheme and the (lower-cased) host of any web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (input) => {
        const canonical = canonicalizeUrl(input);
        expect(canonical).not.toBeNull();
        const before = new URL(input);
        const after = new URL(canonical!);
        expect(after.protocol).toBe(before.protocol);
        expect(after.hostname).toBe(before.hostname.toLowerCase().replace(/\.+$/, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('drops every tracking parameter and keeps every other one', () => {
    const key = fc
      .stringMatching(/^[a-z][a-z0-9]{0,8}$/)
      .filter((k) => !['si', 'feature', 'spm', 'trk'].includes(k) && !k.startsWith('pk'));
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 5 }),
        fc.subarray(['utm_source', 'fbclid', 'gclid', 'si', '_hsenc']),
        (keys, tracking) => {
          const params = [...keys.map((k) => `${k}=1`), ...tracking.map((k) => `${k}=x`)].join('&');
          const canonical = new URL(canonicalizeUrl(`https://example.com/p?${params}`)!);
          expect([...canonical.searchParams.keys()].sort()).toEqual([...keys].sort());
        },
      ),
    );
  });

  it('maps every YouTube form of one id to one string, and different ids to different strings', () => {
    const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{11}$/);
    const form = fc.constantFrom(
      (id: string) => `https://www.youtube.com/watch?v=${id}`,
      (id: string) => `https://m.youtube.com/watch?feature=share&v=${id}`,
      (id: string) => `https://music.youtube.com/watch?v=${id}&list=RD1`,
      (id: string) => `https://youtu.be/${id}?si=share`,
      (id: string) => `https://www.youtube.com/shorts/${id}`,
      (id: string) => `https://www.youtube.com/embed/${id}?start=3`,
      (id: string) => `https://www.youtube.com/live/${id}`,
    );
    const time = fc.option(
      fc.nat(99_999).map((s) => `t=${s}s`),
      { nil: undefined },
    );
    fc.assert(
      fc.property(idArb, idArb, form, form, time, (id, other, f1, f2, t) => {
        const withTime = (url: string) => (t ? `${url}${url.includes('?') ? '&' : '?'}${t}` : url);
        expect(canonicalizeUrl(withTime(f1(id)))).toBe(canonicalizeUrl(f2(id)));
        expect(youtubeVideoId(withTime(f1(id)))).toBe(id);
        if (other !== id) expect(canonicalizeUrl(f1(other))).not.toBe(canonicalizeUrl(f2(id)));
      }),
    );
  });
});
