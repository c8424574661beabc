// Demo data for screenshots: a learner's first month, in the export format's record shapes.
const DAY = 86_400_000;

interface DemoResource {
  id: string;
  url: string;
  canonicalUrl: string;
  kind: 'video' | 'article' | 'page';
  title: string;
  site?: string;
  author?: string;
  description?: string;
  thumbnailUrl?: string;
  durationSec?: number;
  readingMinutes?: number;
  videoId?: string;
  positionSec?: number;
  notes: string;
  timestampNotes: { atSec: number; text: string }[];
  takeaways: string;
  tags: string[];
  status: 'queued' | 'learning' | 'learned';
  sharedAt?: number;
  sharedHow?: 'chat' | 'meeting' | 'demo' | 'write-up';
  createdAt: number;
  updatedAt: number;
  learnedAt?: number;
}

export function demoData(now: number) {
  const ago = (days: number, hours = 0) => now - days * DAY - hours * 3_600_000;
  const video = (
    id: string,
    title: string,
    channel: string,
    durationSec: number,
    extra: Partial<DemoResource>,
  ): DemoResource => ({
    id: `demo-${id}`,
    url: `https://www.youtube.com/watch?v=${id}`,
    canonicalUrl: `https://www.youtube.com/watch?v=${id}`,
    kind: 'video',
    title,
    site: 'YouTube',
    author: channel,
    videoId: id,
    durationSec,
    notes: '',
    timestampNotes: [],
    takeaways: '',
    tags: [],
    status: 'queued',
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const article = (
    slug: string,
    site: string,
    host: string,
    title: string,
    readingMinutes: number,
    extra: Partial<DemoResource>,
  ): DemoResource => ({
    id: `demo-${slug}`,
    url: `https://${host}/${slug}`,
    canonicalUrl: `https://${host}/${slug}`,
    kind: 'article',
    title,
    site,
    readingMinutes,
    notes: '',
    timestampNotes: [],
    takeaways: '',
    tags: [],
    status: 'queued',
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const resources: DemoResource[] = [
    video('aBcDeFgHiJk', 'Blameless postmortems: what went well, what went less well', 'SRE Days', 28 * 60 + 5, {
      positionSec: 754,
      status: 'learned',
      learnedAt: ago(1),
      sharedAt: ago(0, 3),
      sharedHow: 'meeting',
      tags: ['incidents', 'retrospectives'],
      notes: 'Ask "what made sense at the time?" instead of "who did it?".',
      takeaways: 'Write the timeline before the causes.\nEvery action item gets an owner and a follow-up date.',
      timestampNotes: [
        { atSec: 754, text: 'The timeline template' },
        { atSec: 1320, text: 'Action items that actually get done' },
        {
          atSec: 1655,
          text: 'Setting up the review meeting: invite everyone who was on call, not only the team that shipped the change.\nSend the timeline a day ahead, so the hour goes to causes and not to working out what happened.',
        },
      ],
      createdAt: ago(6),
      updatedAt: ago(0, 3),
    }),
    article(
      'team-learning',
      'Harvard Business Review',
      'hbr.org',
      'Why learning teams outperform: psychological safety in practice',
      9,
      {
        status: 'learning',
        tags: ['teams', 'leadership'],
        notes: 'Try the "one thing I learned" round at the next retro.',
        createdAt: ago(3),
        updatedAt: ago(1),
      },
    ),
    video(
      'kLmNoPqRsTu',
      'The Fifth Discipline in practice: building a learning organisation',
      'Systems Thinking Conference',
      42 * 60 + 17,
      {
        positionSec: 95,
        tags: ['systems thinking'],
        createdAt: ago(2),
        updatedAt: ago(2),
      },
    ),
    article('shadowing', 'Increment', 'increment.com', 'Shadowing a colleague for a day: a field guide', 6, {
      status: 'learned',
      learnedAt: ago(4),
      tags: ['onboarding'],
      takeaways: 'Agree on one question to answer by the end of the day.',
      createdAt: ago(8),
      updatedAt: ago(4),
    }),
    article(
      'customer-interviews',
      'Nielsen Norman Group',
      'www.nngroup.com',
      'Inviting customers to tell you how they see you',
      11,
      {
        tags: ['customers'],
        createdAt: ago(1),
        updatedAt: ago(1),
      },
    ),
    video('vWxYz012345', 'Questioning old truths: running a "kill a process" workshop', 'Agile Gothenburg', 19 * 60, {
      tags: ['workshops'],
      createdAt: ago(0, 5),
      updatedAt: ago(0, 5),
    }),
  ];
  const reflections = [
    {
      id: 'demo-r1',
      promptId: 'followUpWentWell',
      promptText: 'What went well this week, and why?',
      answer:
        'The incident review stayed blameless: we wrote the timeline first, and the fix came from the person closest to it.',
      createdAt: ago(0, 2),
      updatedAt: ago(0, 2),
    },
    {
      id: 'demo-r2',
      promptId: 'transferColleague',
      promptText: 'What have you learned that a colleague should hear about, and how will you tell them?',
      answer: "The postmortem template: a 10-minute demo at Thursday's team meeting.",
      resourceId: 'demo-aBcDeFgHiJk',
      createdAt: ago(1, 1),
      updatedAt: ago(1, 1),
    },
    {
      id: 'demo-r3',
      promptId: 'collaborationBetter',
      promptText: 'How does our collaboration work, and what could we do better?',
      answer:
        'Hand-overs to the platform team still happen in chat threads that get lost. A short written hand-over note would help.',
      createdAt: ago(2, 4),
      updatedAt: ago(2, 4),
    },
  ];
  const actions = [
    {
      id: 'demo-a1',
      text: 'Use the timeline-first template in the next incident review',
      source: { kind: 'resource', id: 'demo-aBcDeFgHiJk', title: resources[0]!.title },
      followUpAt: ago(-7),
      status: 'open',
      createdAt: ago(1),
      updatedAt: ago(1),
    },
    {
      id: 'demo-a2',
      text: 'Write a one-page hand-over note for the platform team',
      source: { kind: 'reflection', id: 'demo-r3', title: reflections[2]!.promptText },
      followUpAt: ago(-14),
      status: 'open',
      createdAt: ago(2),
      updatedAt: ago(2),
    },
    {
      id: 'demo-a3',
      text: 'Shadow Sam from support for half a day',
      source: { kind: 'resource', id: 'demo-shadowing', title: resources[3]!.title },
      status: 'done',
      outcome: 'Learned why tickets bounce: our error messages name internal services.',
      createdAt: ago(8),
      updatedAt: ago(3),
      doneAt: ago(3),
    },
  ];
  const conditions = ['felt-need', 'cooperation', 'recognition', 'careers', 'feedback', 'new-ideas', 'bottom-up'];
  const assessments = [90, 60, 30, 0].map((days, i) => ({
    id: `demo-s${i}`,
    createdAt: ago(days),
    updatedAt: ago(days),
    scores: Object.fromEntries(
      conditions.map((c, j) => [c, Math.min(5, Math.max(1, 2 + ((i + j) % 3) + (j === 3 ? -1 : 0) + (i > 2 ? 1 : 0)))]),
    ),
  }));
  return { resources, reflections, actions, assessments, prompts: [] };
}
