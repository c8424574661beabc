import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chapterAt, chaptersFromDescription } from '../../../lib/model/chapter';
import { cleanClips } from '../../../lib/model/clip';
import { clipFromTimestampNote, clipsFromTimestampNotes } from '../../../lib/model/clip-legacy';
import { checkClipTime, formatClock, parseClock } from '../../../lib/infra/video-time';
import { transcriptAround } from '../../../lib/clips/transcript';
import { extractYouTube } from '../../../lib/capture/youtube';
import { parseHtml, readFixture, setPlayer } from '../capture/html';

describe('times as people write them', () => {
  it.each<[string, number | undefined]>([
    ['1:02:03', 3723],
    ['62:03', 3723],
    ['3723', 3723],
    ['0:00', 0],
    ['2:30:00', 9000],
    ['1:60', undefined],
    ['1:02:60', undefined],
    [':30', undefined],
    ['1::2', undefined],
  ])('%j → %s', (text, seconds) => {
    expect(parseClock(text)).toBe(seconds);
  });

  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [754, '12:34'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [Number.NaN, '0:00'],
    [-5, '0:00'],
  ])('%s s shows as %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it('parse never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const seconds = parseClock(text);
        expect(seconds === undefined || (Number.isInteger(seconds) && seconds >= 0)).toBe(true);
      }),
    );
  });

  it.each([
    ['inside', 120, undefined, 3960, null],
    ['at the very end', 3960, undefined, 3960, null],
    ['past the end of a 1h06m video', 9000, undefined, 3960, 'past-end'],
    ['unknown length: any', 9000, undefined, undefined, null],
    ['a segment past the end', 3900, 4000, 3960, 'past-end'],
    ['a segment that ends before it starts', 100, 90, 3960, 'end-before-start'],
  ] as const)('checkClipTime: %s', (_label, atSec, endSec, duration, problem) => {
    expect(checkClipTime(atSec, endSec, duration)).toBe(problem);
  });
});

const CHAPTERS = [
  { startSec: 0, title: 'Intro' },
  { startSec: 10, title: 'YouTube Chapters' },
  { startSec: 130, title: 'The cord' },
];

describe('chapters', () => {
  it.each([
    [0, 'Intro'],
    [9, 'Intro'],
    [10, 'YouTube Chapters'],
    [12, 'YouTube Chapters'],
    [129, 'YouTube Chapters'],
    [130, 'The cord'],
    [99_999, 'The cord'],
  ])('a clip at %s s is in “%s”', (at, title) => {
    expect(chapterAt(CHAPTERS, at)).toBe(title);
  });

  it('no chapters: none', () => {
    expect(chapterAt([], 12)).toBeUndefined();
    expect(chapterAt(undefined, 12)).toBeUndefined();
  });

  it.each([
    ['YouTube’s rule: from 0:00, three or more, ascending', '0:00 Intro\n0:10 YouTube Chapters\n2:10 - The cord\n', 3],
    ['brackets and dashes', '(0:00) Intro\n[1:00] — Part one\n1:02:03 Part two', 3],
    ['not starting at 0:00', '0:05 Intro\n0:10 A\n0:20 B', 0],
    ['only two', '0:00 Intro\n0:10 A', 0],
    ['not ascending', '0:00 Intro\n2:00 A\n1:00 B', 0],
    ['times inside prose are not chapters', 'Chapters: {intro} 0:00, "the cord" 2:10', 0],
    ['no description', '', 0],
  ])('from a description: %s', (_label, description, count) => {
    expect(chaptersFromDescription(description)).toHaveLength(count);
  });
});

describe('chapters on real watch pages', () => {
  const A = 'aAbBcCdD012';
  it('come from ytInitialData when it names this video; a clip at 12 s is in “YouTube Chapters”', () => {
    const doc = parseHtml(readFixture('youtube/watch-with-chapters.html'), `https://www.youtube.com/watch?v=${A}`);
    setPlayer(doc, { currentTime: 12, duration: 754 });
    const page = extractYouTube(doc, doc.URL)!;
    expect(page.chapters?.map((c) => c.title)).toEqual(['Intro', 'YouTube Chapters', 'The cord', 'Five whys']);
    expect(chapterAt(page.chapters, page.positionSec!)).toBe('YouTube Chapters');
  });

  it('after in-site navigation, ytInitialData still describes the first video: not trusted', () => {
    const url = 'https://www.youtube.com/watch?v=Zz_-9876543';
    const doc = parseHtml(readFixture('youtube/watch-chapters-after-spa-navigation.html'), url);
    setPlayer(doc, { currentTime: 61, duration: 1801 });
    const page = extractYouTube(doc, url)!;
    expect(page.videoId).toBe('Zz_-9876543');
    expect(page.chapters).toBeUndefined();
  });

  it('the chapters panel, when the page data has none, and only when its links name this video', () => {
    const panel = (video: string) =>
      ['0:00|Intro', '0:10|YouTube Chapters', '2:10|The cord']
        .map((row) => {
          const [time, title] = row.split('|');
          return `<ytd-macro-markers-list-item-renderer><a id="endpoint" href="/watch?v=${video}&t=${parseClock(time!)}s"><h4 class="macro-markers" title="${title}">${title}</h4><div id="time">${time}</div></a></ytd-macro-markers-list-item-renderer>`;
        })
        .join('');
    const doc = parseHtml(readFixture('youtube/watch-fresh-load.html'), `https://www.youtube.com/watch?v=${A}`);
    doc.body.insertAdjacentHTML('beforeend', `<div id="panels">${panel(A)}</div>`);
    setPlayer(doc, { currentTime: 12, duration: 754 });
    expect(chapterAt(extractYouTube(doc, doc.URL)!.chapters, 12)).toBe('YouTube Chapters');
    const stale = parseHtml(readFixture('youtube/watch-fresh-load.html'), `https://www.youtube.com/watch?v=${A}`);
    stale.body.insertAdjacentHTML('beforeend', `<div id="panels">${panel('Zz_-9876543')}</div>`);
    setPlayer(stale, { currentTime: 12, duration: 754 });
    expect(extractYouTube(stale, stale.URL)!.chapters).toBeUndefined();
  });

  it('the player’s own chapter label is kept for the moment it shows', () => {
    const doc = parseHtml(readFixture('youtube/watch-fresh-load.html'), `https://www.youtube.com/watch?v=${A}`);
    doc
      .querySelector('#movie_player, .html5-video-player, body')!
      .insertAdjacentHTML('beforeend', '<div class="ytp-chapter-title-content">Five whys</div>');
    setPlayer(doc, { currentTime: 400, duration: 754 });
    expect(extractYouTube(doc, doc.URL)).toMatchObject({ positionSec: 400, chapterNow: 'Five whys' });
  });
});

describe('the clip model', () => {
  it('an old moment always becomes the same clip (the upgrade and an old export agree)', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.string(), (atSec, text) => {
        expect(clipFromTimestampNote({ atSec, text }, 1).id).toBe(clipFromTimestampNote({ atSec, text }, 2).id);
      }),
    );
    expect(
      clipsFromTimestampNotes(
        [
          { atSec: 5, text: 'a' },
          { atSec: 5, text: 'a' },
        ],
        1,
      ),
    ).toHaveLength(1);
  });

  it('clips are kept in video order, whole seconds, capped', () => {
    const clips = cleanClips([
      { id: 'b', atSec: 90.7, note: 'b', createdAt: 2, endSec: 80 },
      { id: 'a', atSec: 10, note: 'x'.repeat(5000), createdAt: 1, chapter: ' Intro ', transcript: ['', 'said'] },
    ]);
    expect(clips.map((c) => c.id)).toEqual(['a', 'b']);
    expect(clips[1]).toEqual({ id: 'b', atSec: 90, note: 'b', createdAt: 2 });
    expect(clips[0]!.note.length).toBeLessThanOrEqual(2000);
    expect(clips[0]).toMatchObject({ chapter: 'Intro', transcript: ['said'] });
  });
});

describe('what was said around a moment', () => {
  const lines = [0, 8, 20, 31, 44, 52, 66, 90].map((startSec) => ({ startSec, text: `line at ${startSec}` }));
  it.each([
    [45, ['line at 31', 'line at 44', 'line at 52']],
    [30, ['line at 20', 'line at 31', 'line at 44']],
    [0, ['line at 0', 'line at 8']],
    [200, ['line at 90']],
  ])('at %s s', (at, expected) => {
    expect(transcriptAround(lines, at)).toEqual(expected);
  });

  it('is read from the open transcript panel and kept with the clip', () => {
    const A = 'aAbBcCdD012';
    const doc = parseHtml(readFixture('youtube/watch-with-chapters.html'), `https://www.youtube.com/watch?v=${A}`);
    doc.body.insertAdjacentHTML(
      'beforeend',
      `<ytd-engagement-panel-section-list-renderer target-id="engagement-panel-searchable-transcript">
        ${[
          ['0:02', 'Welcome everyone'],
          ['0:11', 'So what is a chapter,'],
          ['0:14', 'and why would you'],
          ['0:40', 'Much later'],
        ]
          .map(
            ([stamp, text]) =>
              `<ytd-transcript-segment-renderer><div class="segment-timestamp"> ${stamp} </div><yt-formatted-string class="segment-text">${text}</yt-formatted-string></ytd-transcript-segment-renderer>`,
          )
          .join('')}
      </ytd-engagement-panel-section-list-renderer>`,
    );
    setPlayer(doc, { currentTime: 12, duration: 754 });
    expect(extractYouTube(doc, doc.URL)?.transcriptNow).toEqual([
      'Welcome everyone',
      'So what is a chapter,',
      'and why would you',
    ]);
  });
});
