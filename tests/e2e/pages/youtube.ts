export interface FakeVideo {
  id: string;
  title: string;
  channel: string;
  durationIso: string;
  description: string;
}

export const TALK_A: FakeVideo = {
  id: 'dQw4w9WgXcQ',
  title: 'The Fifth Discipline in practice: building a learning organisation',
  channel: 'Systems Thinking Conference',
  durationIso: 'PT42M17S',
  description: 'A talk about team learning, mental models and shared vision.',
};

export const TALK_B: FakeVideo = {
  id: 'aBcDeFgHiJk',
  title: 'Blameless postmortems: what went well, what went less well',
  channel: 'SRE Days',
  durationIso: 'PT28M5S',
  description: 'How to learn from incidents without blame.',
};

/**
 * A watch page shaped like YouTube's: meta tags, ytInitialPlayerResponse, the watch-metadata
 * DOM and a <video>. `playAt` sets the player position. `navigateTo` lets the test trigger an
 * in-app navigation that updates the URL and the visible DOM but not the meta tags, as
 * YouTube's single-page app does.
 */
export function watchPage(video: FakeVideo, playAt: number, navigateTo?: FakeVideo, playNextAt = 0): string {
  const url = `https://www.youtube.com/watch?v=${video.id}`;
  const player = JSON.stringify({
    videoDetails: { videoId: video.id, title: video.title, author: video.channel, lengthSeconds: '2537' },
  });
  const next = navigateTo
    ? `window.navigateToNext = () => {
        history.pushState({}, '', '/watch?v=${navigateTo.id}');
        document.querySelector('ytd-watch-metadata h1 yt-formatted-string').textContent = ${JSON.stringify(navigateTo.title)};
        document.querySelector('ytd-channel-name a').textContent = ${JSON.stringify(navigateTo.channel)};
        document.title = ${JSON.stringify(`${navigateTo.title} - YouTube`)};
        document.querySelector('video').currentTime = ${playNextAt};
      };`
    : '';
  return `<!doctype html><html><head>
<title>${video.title} - YouTube</title>
<meta name="title" content="${video.title}">
<meta name="description" content="${video.description}">
<meta property="og:title" content="${video.title}">
<meta property="og:site_name" content="YouTube">
<meta property="og:url" content="${url}">
<meta property="og:image" content="https://i.ytimg.com/vi/${video.id}/maxresdefault.jpg">
<link rel="canonical" href="${url}">
<meta itemprop="duration" content="${video.durationIso}">
<meta itemprop="identifier" content="${video.id}">
<meta itemprop="datePublished" content="2024-03-05">
</head><body>
<div id="player"><video class="html5-main-video"></video></div>
<ytd-watch-metadata><div id="title"><h1><yt-formatted-string>${video.title}</yt-formatted-string></h1></div>
<div id="owner"><ytd-channel-name><div id="text-container"><a href="/@channel">${video.channel}</a></div></ytd-channel-name></div>
</ytd-watch-metadata>
<script>var ytInitialPlayerResponse = ${player};</script>
<script>document.querySelector('video').currentTime = ${playAt}; ${next}</script>
</body></html>`;
}

/**
 * The same page with the chapter markers YouTube puts in `var ytInitialData` (for `videoId`,
 * which after in-site navigation is the first video's, not the one playing).
 */
export function withChapters(html: string, videoId: string, chapters: [title: string, startSec: number][]): string {
  const data = {
    currentVideoEndpoint: { watchEndpoint: { videoId } },
    playerOverlays: {
      playerOverlayRenderer: {
        decoratedPlayerBarRenderer: {
          decoratedPlayerBarRenderer: {
            playerBar: {
              multiMarkersPlayerBarRenderer: {
                markersMap: [
                  {
                    key: 'DESCRIPTION_CHAPTERS',
                    value: {
                      chapters: chapters.map(([title, startSec]) => ({
                        chapterRenderer: { title: { simpleText: title }, timeRangeStartMillis: startSec * 1000 },
                      })),
                    },
                  },
                ],
              },
            },
          },
        },
      },
    },
  };
  return html.replace('</body>', `<script>var ytInitialData = ${JSON.stringify(data)};</script></body>`);
}
