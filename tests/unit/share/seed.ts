import { getDb } from '../../../lib/db/open';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import type { Action } from '../../../lib/model/action';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';

export const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** The week of 3–9 March 2025 (UTC). */
export const WEEK = { start: utc(2025, 3, 3), end: utc(2025, 3, 10) };

/** A resource as the app stores it: its updatedAt no older than any change it holds. */
function resource(fields: Partial<Resource> & Pick<Resource, 'id' | 'title' | 'url'>): Resource {
  const made: Resource = {
    canonicalUrl: fields.url,
    kind: 'page',
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'queued',
    createdAt: utc(2025, 2, 1),
    updatedAt: utc(2025, 2, 1),
    ...fields,
  };
  const times = [made.updatedAt, made.learnedAt ?? 0, made.sharedAt ?? 0];
  for (const item of [...made.clips, ...made.takeaways, ...(made.quotes ?? [])]) times.push(item.createdAt);
  return { ...made, updatedAt: Math.max(...times) };
}

export const TALK = resource({
  id: 'talk',
  title: 'Systems thinking for teams [part 1]',
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
  canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  kind: 'video',
  site: 'YouTube',
  author: 'Learning Org Talks',
  videoId: 'dQw4w9WgXcQ',
  positionSec: 754,
  clips: [
    { id: 'c1', atSec: 95, note: 'Why slides fail', createdAt: utc(2025, 3, 3, 9) },
    {
      id: 'c2',
      atSec: 754,
      endSec: 784,
      chapter: 'Shared vision',
      note: 'Dialogue, not *decks*',
      createdAt: utc(2025, 3, 3, 9, 30),
    },
  ],
  takeaways: takeawaysFromText(
    '- Shared vision needs dialogue, not slides.\n\n* Ask before telling.',
    utc(2025, 3, 3, 10),
  ),
  status: 'learned',
  learnedAt: utc(2025, 3, 3, 10),
  sharedAt: utc(2025, 3, 5, 14),
  sharedHow: 'meeting',
});

export const ARTICLE = resource({
  id: 'article',
  title: 'Why *most* retros fail_ <b>really</b>',
  url: 'https://blog.example.org/retros (part)?x=1',
  kind: 'article',
  site: 'Example Blog',
  takeaways: takeawaysFromText('Ask what went well, and why.', utc(2025, 3, 6, 9)),
  status: 'learned',
  learnedAt: utc(2025, 3, 6, 9),
});

export const SHARED_OLD = resource({
  id: 'shared-old',
  title: 'Shadowing a colleague',
  url: 'https://blog.example.org/shadowing',
  status: 'learned',
  learnedAt: utc(2025, 2, 20, 9),
  sharedAt: utc(2025, 3, 7, 11),
  sharedHow: 'chat',
});

export const LEARNED_LATER = resource({
  id: 'later',
  title: 'Next week',
  url: 'https://blog.example.org/later',
  status: 'learned',
  learnedAt: utc(2025, 3, 12),
});
export const QUEUED = resource({ id: 'queued', title: 'Not yet', url: 'https://blog.example.org/queued' });
export const UNSAFE = resource({
  id: 'unsafe',
  title: 'Local file',
  url: 'javascript:alert(1)',
  status: 'learned',
  learnedAt: utc(2025, 3, 8),
});

export const REFLECTION: Reflection = {
  id: 'r1',
  promptId: 'went-well',
  promptText: 'What went well this week, and why?',
  answer: 'The retro article made me ask better questions.',
  resourceId: 'article',
  createdAt: utc(2025, 3, 6, 16),
  updatedAt: utc(2025, 3, 6, 16),
};

function action(fields: Partial<Action> & Pick<Action, 'id' | 'text' | 'source'>): Action {
  return { status: 'open', createdAt: utc(2025, 3, 4), updatedAt: utc(2025, 3, 4), ...fields };
}

export const ACTIONS: Action[] = [
  action({
    id: 'a1',
    text: 'Run a retro on how we collaborate',
    source: { kind: 'resource', id: 'talk', title: TALK.title },
    status: 'done',
    outcome: 'We found two hand-off problems.',
    doneAt: utc(2025, 3, 7),
    createdAt: utc(2025, 3, 3, 12),
  }),
  action({
    id: 'a2',
    text: 'Ask a customer how they see our releases',
    source: { kind: 'reflection', id: 'r1', title: 'The retro article…' },
    followUpAt: utc(2025, 3, 14, 9),
    createdAt: utc(2025, 3, 6, 17),
  }),
  action({
    id: 'a3',
    text: 'Dropped idea',
    source: { kind: 'resource', id: 'talk' },
    status: 'dropped',
    createdAt: utc(2025, 3, 4),
  }),
  action({ id: 'a4', text: 'Unrelated', source: { kind: 'none' } }),
  action({
    id: 'a5',
    text: 'Demo the\nnew  board',
    source: { kind: 'resource', id: 'talk' },
    createdAt: utc(2025, 3, 5),
  }),
];

export async function seed(): Promise<void> {
  const db = await getDb();
  for (const r of [TALK, ARTICLE, SHARED_OLD, LEARNED_LATER, QUEUED, UNSAFE]) await db.put('resources', r);
  await db.put('reflections', REFLECTION);
  for (const a of ACTIONS) await db.put('actions', a);
}
