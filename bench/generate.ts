/**
 * Deterministic, realistic test data for `npm run bench`: a mix of YouTube talks, articles and
 * plain pages with notes, timestamped notes, takeaways, tags, statuses and shared marks, plus
 * reflections, actions, custom prompts and self-checks that point at them.
 *
 * Same seed and size → the same records, byte for byte, on every machine (a fixed clock, a
 * seeded PRNG, no `Date.now()`, no `crypto.randomUUID()`), so two runs measure the same work.
 * Records are made in slices (`from`, `to`) so 100,000 never has to exist in memory at once.
 */
import type { Action } from '../lib/model/action';
import type { Assessment } from '../lib/model/assessment';
import type { CustomPrompt } from '../lib/model/prompt';
import type { Reflection } from '../lib/model/reflection';
import type { Resource, ResourceStatus, SharedHow } from '../lib/model/resource';
import type { Clip } from '../lib/model/clip';
import { missingReviewCards } from '../lib/model/review-card';

/** The generator's "now": 1 June 2025, 09:00 UTC. Records span the four years before it. */
export const BENCH_NOW = Date.UTC(2025, 5, 1, 9, 0, 0);
const SPAN_MS = 4 * 365 * 24 * 3600 * 1000;
export const DEFAULT_SEED = 20250601;

/** mulberry32: small, fast, good enough for test data, identical everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Zipf-like: early entries are much more common, as tags and sites are in real libraries. */
const pickSkewed = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() ** 2.2 * list.length)]!;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

function hex(r: Rand, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(r() * 16).toString(16);
  return out;
}
/** A UUID v4 shape (what `newId()` makes), from the seeded generator. */
function uuid(r: Rand): string {
  return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${pick(r, ['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`;
}
const YT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** 11 characters like YouTube's; the last four encode the index, so no two records share one. */
function videoId(r: Rand, index: number): string {
  let out = '';
  for (let i = 0; i < 7; i++) out += YT_ALPHABET[Math.floor(r() * 64)];
  for (let i = 3; i >= 0; i--) out += YT_ALPHABET[(index >>> (i * 6)) & 63];
  return out;
}

// Vocabulary. Search pairs the benchmark types (feed→feedb, team→teamw, coach→coachi, retro→
// retrosp, mentor→mentori) all occur, with different counts, so every measured keystroke
// changes the result set.
const TOPICS = [
  'feedback',
  'feedforward',
  'teamwork',
  'team learning',
  'coaching',
  'coach',
  'retrospectives',
  'retro formats',
  'mentoring',
  'mentor',
  'psychological safety',
  'systems thinking',
  'shared vision',
  'mental models',
  'personal mastery',
  'double-loop learning',
  'after-action reviews',
  'kaizen',
  'lean thinking',
  'onboarding',
  'pair programming',
  'code review',
  'incident reviews',
  'blameless postmortems',
  'customer interviews',
  'job shadowing',
  'workshops',
  'facilitation',
  'decision making',
  'delegation',
  'one-to-ones',
  'career paths',
  'horizontal careers',
  'knowledge sharing',
  'communities of practice',
  'deliberate practice',
  'spaced repetition',
  'experiments',
  'hypothesis-driven work',
  'OKRs',
  'strategy',
  'change management',
  'motivation',
  'trust',
  'conflict',
  'listening',
  'storytelling',
  'writing',
  'presentations',
  'estimation',
  'flow',
  'Wardley maps',
  'service design',
  'accessibility',
  'observability',
  'testing',
  'refactoring',
  'architecture',
  'Lära av misstag',
  'Förbättringsarbete',
  'Übung macht den Meister',
];
const TITLE_TEMPLATES = [
  'What I learned about {t}',
  '{T} in practice',
  'A practical guide to {t}',
  'Why {t} matters more than you think',
  '{T}: lessons from {n} years',
  'The case against {t}',
  '{T} for new managers',
  'How {org} does {t}',
  'Rethinking {t} after {t2}',
  '{T} and {t2}: a conversation',
  '{n} mistakes teams make with {t}',
  'Keynote: {T}',
  '{T}, explained',
];
const ORGS = [
  'Spotify',
  'Toyota',
  'Etsy',
  'a hospital',
  'the Swedish Tax Agency',
  'a small studio',
  'NASA',
  'Pixar',
  'a school',
  'GOV.UK',
];
const ARTICLE_SITES = [
  'martinfowler.com',
  'hbr.org',
  'www.infoq.com',
  'medium.com',
  'blog.example.org',
  'arstechnica.com',
  'www.bbc.com',
  'queue.acm.org',
  'itrevolution.com',
  'www.mindtools.com',
  'leaddev.com',
  'jvns.ca',
  'danluu.com',
  'lethain.com',
  'www.ted.com',
  'sloanreview.mit.edu',
  'www.nngroup.com',
  'charity.wtf',
];
const PAGE_SITES = [
  'docs.google.com',
  'confluence.example.com',
  'github.com',
  'www.coursera.org',
  'en.wikipedia.org',
  'www.meetup.com',
];
const CHANNELS = [
  'GOTO Conferences',
  'TED',
  'NDC Conferences',
  'InfoQ',
  'Talks at Google',
  'Agile Alliance',
  'LeadDev',
  'Strange Loop',
  'Øredev',
  'DevOps Days',
];
const AUTHORS = [
  'Amy Edmondson',
  'Peter Senge',
  'Chris Argyris',
  'Kim Scott',
  'Camille Fournier',
  'Will Larson',
  'Lara Hogan',
  'Julia Evans',
  'Dan Luu',
  'Gene Kim',
  'Nicole Forsgren',
  'Martin Fowler',
  'Kent Beck',
  'Esther Derby',
  'Diana Larsen',
  'Sofia Lindqvist',
  'Jonas Åkesson',
  'Ngozi Okafor',
  'Hiroshi Tanaka',
  'María González',
];
const TAGS = [
  'leadership',
  'feedback',
  'teamwork',
  'retrospectives',
  'coaching',
  'mentoring',
  'systems thinking',
  'culture',
  'learning',
  'management',
  'engineering',
  'process',
  'communication',
  'psychological safety',
  'onboarding',
  'strategy',
  'career',
  'facilitation',
  'quality',
  'devops',
  'product',
  'design',
  'writing',
  'to share',
  'for team meeting',
  'book club',
  'kaizen',
  'lean',
  'experiments',
  'okr',
  'hiring',
  'remote work',
  'ux',
  'testing',
  'architecture',
  'incidents',
  'metrics',
  'motivation',
  'trust',
  'conflict',
  'decision making',
  'storytelling',
  'ledarskap',
  'lärande',
  'förbättring',
];
const SENTENCES = [
  'Try this in the next retro.',
  'The point about feedback loops is worth sharing with the team.',
  'Good framing: learning is a by-product of doing the work with reflection.',
  'Ask {who} what they think about this.',
  'Contradicts what we did last quarter; discuss on Monday.',
  'Key idea: make it safe to say "I don\'t know".',
  'Use the three questions: what went well, what went less well, what can we learn?',
  'Coaching is asking, not telling.',
  'Mentoring works best with a clear goal and a time box.',
  'Teamwork needs shared goals and real interdependence.',
  'Feedforward: talk about the next time, not the last.',
  'Slides at 12:30 are worth a screenshot.',
  'Compare with the incident review we ran in March.',
  'Small experiments beat big plans here.',
  'Read the follow-up post too.',
  'Good example of double-loop learning: they changed the goal, not just the action.',
  'Shadow someone in support for a day, as suggested.',
  'Vi borde testa det här på teamets nästa möte.',
  'Bra exempel på lärande i vardagen.',
];
const PEOPLE = ['Anna', 'Björn', 'Chen', 'Dagny', 'Emil', 'Fatima', 'Gustav', 'Hanna', 'Ivan', 'Jonna'];
const PROMPTS = [
  { id: 'weekly-went-well', text: 'What went well this week, and why?' },
  { id: 'weekly-less-well', text: 'What went less well this week?' },
  { id: 'weekly-learn', text: 'What can we learn from it?' },
  { id: 'resource-apply', text: 'How could you apply what you learned from this?' },
  { id: 'teach', text: 'Who in your team would benefit from this, and how will you tell them?' },
];
const CONDITIONS = ['felt-need', 'learning-potential', 'structures', 'careers', 'follow-up', 'new-ideas', 'bottom-up'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
function sentences(r: Rand, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(r, SENTENCES).replace('{who}', pick(r, PEOPLE)));
  return out.join(' ');
}
function title(r: Rand): string {
  const topic = pickSkewed(r, TOPICS);
  const other = pick(r, TOPICS);
  return pick(r, TITLE_TEMPLATES)
    .replace('{T}', capitalise(topic))
    .replace('{t2}', other)
    .replace('{t}', topic)
    .replace('{n}', String(int(r, 3, 15)))
    .replace('{org}', pick(r, ORGS));
}

/** createdAt of record `index` of `total`: evenly spread, oldest first, with jitter. */
function createdAtFor(index: number, total: number, r: Rand): number {
  const step = SPAN_MS / Math.max(total, 1);
  return Math.floor(BENCH_NOW - SPAN_MS + index * step + r() * step * 0.9);
}

/** Resource number `index` (0-based) of `total`; depends only on (seed, index, total). */
export function makeResource(seed: number, index: number, total: number): Resource {
  const r = rng(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const id = uuid(r);
  const roll = r();
  const kind: Resource['kind'] = roll < 0.45 ? 'video' : roll < 0.9 ? 'article' : 'page';
  const createdAt = createdAtFor(index, total, r);
  const status: ResourceStatus = pick(r, [
    'queued',
    'queued',
    'queued',
    'learning',
    'learning',
    'learned',
    'learned',
    'learned',
  ] as const);
  const t = title(r);
  const base: Resource = {
    id,
    url: '',
    canonicalUrl: '',
    kind,
    title: t,
    notes: r() < 0.6 ? sentences(r, int(r, 1, 4)) : '',
    clips: [],
    takeaways:
      r() < 0.35
        ? Array.from({ length: int(r, 1, 3) }, (_, i) => ({ id: `${id}-k${i}`, text: sentences(r, 1), createdAt }))
        : [],
    tags: [],
    status,
    createdAt,
    updatedAt: createdAt,
  };
  const tagCount = Math.floor(r() ** 1.5 * 5);
  const tags = new Set<string>();
  for (let i = 0; i < tagCount; i++) tags.add(pickSkewed(r, TAGS));
  base.tags = [...tags].sort();

  if (kind === 'video') {
    const vid = videoId(r, index);
    base.videoId = vid;
    base.canonicalUrl = `https://www.youtube.com/watch?v=${vid}`;
    base.durationSec = int(r, 5 * 60, 90 * 60);
    base.positionSec = r() < 0.7 ? int(r, 0, base.durationSec - 1) : 0;
    base.url = base.positionSec ? `${base.canonicalUrl}&t=${base.positionSec}s` : base.canonicalUrl;
    base.site = 'YouTube';
    base.author = pickSkewed(r, CHANNELS);
    base.thumbnailUrl = `https://i.ytimg.com/vi/${vid}/hqdefault.jpg`;
    base.description = `${t}. Recorded at ${pick(r, CHANNELS)} ${int(r, 2016, 2025)}.`;
    const clips: Clip[] = [];
    const count = r() < 0.4 ? int(r, 1, 6) : 0;
    for (let i = 0; i < count; i++)
      clips.push({ id: uuid(r), atSec: int(r, 0, base.durationSec), note: sentences(r, 1), createdAt });
    base.clips = clips.sort((a, b) => a.atSec - b.atSec);
  } else {
    const site = kind === 'article' ? pickSkewed(r, ARTICLE_SITES) : pickSkewed(r, PAGE_SITES);
    const year = new Date(createdAt).getUTCFullYear();
    // The index keeps canonical URLs unique, as the unique index demands.
    base.canonicalUrl = `https://${site}/${year}/${slug(t)}-${index.toString(36)}`;
    base.url = r() < 0.3 ? `${base.canonicalUrl}?utm_source=newsletter` : base.canonicalUrl;
    base.site = site;
    if (kind === 'article') {
      base.author = pickSkewed(r, AUTHORS);
      base.readingMinutes = int(r, 2, 35);
      base.publishedAt = new Date(createdAt - int(r, 0, 400) * 86_400_000).toISOString();
      base.description = sentences(r, 2);
      if (r() < 0.5) base.thumbnailUrl = `https://${site}/images/${slug(t)}.jpg`;
    }
    base.iconUrl = `https://${site}/favicon.ico`;
  }
  let updatedAt = createdAt;
  if (status !== 'queued') updatedAt += int(r, 1, 60) * 86_400_000;
  if (status === 'learned') base.learnedAt = updatedAt;
  if (r() < 0.15) {
    updatedAt += int(r, 0, 10) * 86_400_000;
    base.sharedAt = updatedAt;
    const how = pick(r, ['chat', 'meeting', 'demo', 'write-up', undefined] as const);
    if (how) base.sharedHow = how as SharedHow;
  }
  base.updatedAt = Math.min(updatedAt, BENCH_NOW);
  if (base.learnedAt) base.learnedAt = Math.min(base.learnedAt, BENCH_NOW);
  if (base.sharedAt) base.sharedAt = Math.min(base.sharedAt, BENCH_NOW);
  return base;
}

/** How many of each other record a library of `resources` resources has. */
export function companionCounts(resources: number): {
  reflections: number;
  actions: number;
  prompts: number;
  assessments: number;
} {
  return {
    reflections: Math.ceil(resources / 4),
    actions: Math.ceil(resources / 10),
    prompts: resources ? 5 : 0,
    assessments: resources ? Math.min(24, Math.ceil(resources / 500)) : 0,
  };
}

export function makeReflection(seed: number, index: number, total: number, resources: number): Reflection {
  const r = rng((seed + 1) ^ Math.imul(index + 1, 0x85ebca6b));
  const id = uuid(r);
  const prompt = pick(r, PROMPTS);
  const createdAt = createdAtFor(index, total, r);
  const reflection: Reflection = {
    id,
    promptId: prompt.id,
    promptText: prompt.text,
    answer: sentences(r, int(r, 1, 5)),
    createdAt,
    updatedAt: createdAt,
  };
  if (resources && r() < 0.4) {
    const target = makeResource(seed, int(r, 0, resources - 1), resources);
    reflection.resourceId = target.id;
    reflection.resourceTitle = target.title;
  }
  return reflection;
}

export function makeAction(seed: number, index: number, total: number): Action {
  const r = rng((seed + 2) ^ Math.imul(index + 1, 0xc2b2ae35));
  const id = uuid(r);
  const createdAt = createdAtFor(index, total, r);
  const status = pick(r, ['open', 'open', 'done', 'done', 'done', 'dropped'] as const);
  const action: Action = {
    id,
    text: `${pick(r, ['Try', 'Run', 'Propose', 'Schedule', 'Write up', 'Ask about'])} ${pickSkewed(r, TOPICS)} ${pick(r, ['with the team', 'in the next sprint', 'at the Friday demo', `with ${pick(r, PEOPLE)}`])}`,
    source: { kind: pick(r, ['reflection', 'resource', 'none'] as const) },
    followUpAt: createdAt + int(r, 3, 30) * 86_400_000,
    status,
    createdAt,
    updatedAt: createdAt,
  };
  if (status !== 'open') {
    action.doneAt = Math.min(action.followUpAt! + int(r, 0, 5) * 86_400_000, BENCH_NOW);
    action.updatedAt = action.doneAt;
    if (status === 'done') action.outcome = sentences(r, int(r, 1, 2));
  }
  return action;
}

export function makePrompt(seed: number, index: number): CustomPrompt {
  const r = rng((seed + 3) ^ Math.imul(index + 1, 0x27d4eb2f));
  const createdAt = createdAtFor(index, 5, r);
  return {
    id: uuid(r),
    text: pick(r, [
      'What did a customer teach you this week?',
      'Who did you learn from today?',
      'Which old truth did you question?',
      'What would you try again?',
      'What did you teach someone?',
    ]),
    group: pick(r, ['weekly', 'team', 'customer']),
    enabled: r() < 0.8,
    createdAt,
    updatedAt: createdAt,
  };
}

export function makeAssessment(seed: number, index: number, total: number): Assessment {
  const r = rng((seed + 4) ^ Math.imul(index + 1, 0x165667b1));
  const createdAt = createdAtFor(index, total, r);
  const scores: Record<string, number> = {};
  for (const c of CONDITIONS) scores[c] = int(r, 1, 5);
  return { id: uuid(r), createdAt, updatedAt: createdAt, scores, ...(r() < 0.5 ? { note: sentences(r, 1) } : {}) };
}

/**
 * A whole export file in DESIGN.md's format, for when the Import input exists but Export does not.
 * From format 4 on it carries the review cards, as an export of that library would: otherwise
 * the import writes each item's card besides the records the floor puts, and the ratio misleads.
 */
export function makeExportFile(seed: number, resources: number, version = 1): string {
  const counts = companionCounts(resources);
  const records = Array.from({ length: resources }, (_, i) => makeResource(seed, i, resources));
  const file = {
    format: 'learning-loop',
    version,
    exportedAt: new Date(BENCH_NOW).toISOString(),
    resources: records,
    ...(version >= 4 ? { reviews: missingReviewCards(records, new Map(), BENCH_NOW) } : {}),
    reflections: Array.from({ length: counts.reflections }, (_, i) =>
      makeReflection(seed, i, counts.reflections, resources),
    ),
    prompts: Array.from({ length: counts.prompts }, (_, i) => makePrompt(seed, i)),
    actions: Array.from({ length: counts.actions }, (_, i) => makeAction(seed, i, counts.actions)),
    assessments: Array.from({ length: counts.assessments }, (_, i) => makeAssessment(seed, i, counts.assessments)),
    settings: {},
  };
  return JSON.stringify(file);
}
