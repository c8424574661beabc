import type { Action } from '../../../lib/model/action';
import type { Assessment } from '../../../lib/model/assessment';
import type { CustomPrompt } from '../../../lib/model/prompt';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { missingReviewCards } from '../../../lib/model/review-card';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import type { BackupRecords } from '../../../lib/backup/format';

/** Pure test data (no database, no browser): shared by unit and e2e tests. */

/** Deterministic pseudo-random numbers, so generated data is the same every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TITLES = [
  'The Fifth Discipline, revisited',
  'Why <b>retrospectives</b> fail <script>alert(1)</script>',
  'Lärande organisationer – vad säger forskningen? 🚀',
  'مقدمة في التعلم التنظيمي',
  'Shadowing a colleague: notes from a week in support',
  '"Transfer": teaching what you learned',
];

/** A year of realistic use: every store, every optional field somewhere, awkward text included. */
export function sampleRecords(resourceCount = 40, seed = 1): BackupRecords {
  const rnd = random(seed);
  const base = Date.UTC(2024, 0, 1);
  const resources: Resource[] = [];
  for (let i = 0; i < resourceCount; i++) {
    const created = base + Math.floor(rnd() * 300) * 86_400_000 + i;
    const video = i % 4 === 0;
    const videoId = `vid${String(i).padStart(8, '0')}`.slice(0, 11);
    const r: Resource = {
      id: `res-${i}`,
      url: video
        ? `https://www.youtube.com/watch?v=${videoId}&t=${i}s`
        : `https://blog.example.org/posts/${i}?ref=feed`,
      canonicalUrl: video ? `https://www.youtube.com/watch?v=${videoId}` : `https://blog.example.org/posts/${i}`,
      kind: video ? 'video' : i % 4 === 1 ? 'article' : 'page',
      title: `${TITLES[i % TITLES.length]} #${i}`,
      site: video ? 'YouTube' : 'Example Blog',
      notes: i % 3 === 0 ? `Line one of note ${i}\nLine two with emoji 🧠 and RTL שלום` : '',
      clips: video
        ? [
            { id: `c${i}-a`, atSec: 30 + i, note: 'Key point', chapter: 'Intro', createdAt: created },
            {
              id: `c${i}-b`,
              atSec: 600,
              endSec: 630,
              note: 'Second <i>point</i>',
              transcript: ['what was said', 'around it'],
              createdAt: created + 1,
            },
          ]
        : [],
      takeaways: i % 5 === 0 ? takeawaysFromText('Ask the team about it on Monday.', created) : [],
      tags: i % 2 === 0 ? ['leadership', 'systems thinking'] : ['retros'],
      status: i % 3 === 0 ? 'learned' : i % 3 === 1 ? 'learning' : 'queued',
      createdAt: created,
      updatedAt: created + 1000,
    };
    if (video) {
      r.videoId = videoId;
      r.author = 'A channel';
      r.durationSec = 1800 + i;
      r.positionSec = i * 7;
      r.thumbnailUrl = `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`;
    } else {
      r.description = `A description of post ${i}, with "quotes", <tags> & ampersands.`;
      r.readingMinutes = 3 + (i % 9);
      r.publishedAt = '2023-11-05T10:00:00.000Z';
      r.iconUrl = 'https://blog.example.org/favicon.ico';
    }
    if (i % 4 === 1) {
      r.quotes = [
        {
          id: `q${i}-a`,
          exact: 'Small batches make feedback cheap, & *often* is the point.',
          prefix: 'Teams that review often learn faster. ',
          suffix: ' That is the whole trick.',
          fragment: 'text=Small%20batches%20make%20feedback%20cheap%2C%20%26%20*often*%20is%20the%20point.',
          note: i % 2 ? 'Try it in the next retro' : '',
          createdAt: created + 2,
        },
        {
          id: `q${i}-b`,
          exact: 'Kept from a PDF, without its place',
          note: '',
          createdAt: created + 3,
          // Half of them with where they stand in the book (database version 7).
          ...(i % 8 === 1 ? { location: { page: 'xiv', loc: '170-172' } } : {}),
        },
      ];
    }
    if (r.status === 'learned') r.learnedAt = created + 5000;
    if (i % 7 === 0) {
      r.sharedAt = created + 6000;
      r.sharedHow = 'meeting';
    }
    resources.push(r);
  }
  const reflections: Reflection[] = Array.from({ length: Math.ceil(resourceCount / 2) }, (_, i) => ({
    id: `ref-${i}`,
    promptId: i % 2 ? 'went-well' : 'custom-1',
    promptText: 'What went well this week, and why?',
    answer: `We paired on the release.\n\nNext time: start earlier. ${i}`,
    ...(i % 3 === 0 ? { resourceId: `res-${i}`, resourceTitle: `${TITLES[i % TITLES.length]} #${i}` } : {}),
    createdAt: base + i * 86_400_000,
    updatedAt: base + i * 86_400_000 + 10,
  }));
  const prompts: CustomPrompt[] = [
    {
      id: 'custom-1',
      text: 'What did a customer teach us?',
      group: 'customers',
      enabled: true,
      createdAt: base,
      updatedAt: base,
    },
    {
      id: 'custom-2',
      text: 'Vad lärde vi oss av misstaget?',
      group: 'own',
      enabled: false,
      createdAt: base + 1,
      updatedAt: base + 2,
    },
  ];
  const actions: Action[] = Array.from({ length: Math.ceil(resourceCount / 4) }, (_, i) => ({
    id: `act-${i}`,
    text: `Try a silent brainstorm in the next retro ${i}`,
    source:
      i % 2
        ? { kind: 'reflection' as const, id: `ref-${i}`, title: 'What went well' }
        : { kind: 'resource' as const, id: `res-${i}` },
    ...(i % 2 ? { followUpAt: base + 14 * 86_400_000 } : {}),
    status: i % 3 === 0 ? ('done' as const) : ('open' as const),
    ...(i % 3 === 0 ? { outcome: 'Worked: quieter people spoke up.', doneAt: base + 20 * 86_400_000 } : {}),
    createdAt: base + i,
    updatedAt: base + i + 5,
  }));
  const assessments: Assessment[] = [
    { id: 'as-1', createdAt: base, updatedAt: base, scores: { 'felt-need': 3, 'learning-potential': 4 } },
    {
      id: 'as-2',
      createdAt: base + 30 * 86_400_000,
      updatedAt: base + 30 * 86_400_000,
      scores: { 'felt-need': 4 },
      notes: { 'felt-need': 'Better since the reorg' },
      note: 'Overall: improving.',
    },
  ];
  // As a real library holds them: every takeaway, quote and clip has its review card.
  const reviews = missingReviewCards(resources, new Map(), Date.UTC(2025, 5, 1));
  return { resources, reflections, prompts, actions, assessments, reviews };
}
