import { describe, expect, it } from 'vitest';
import { TEAM_CAPS, teamDocBytes, teamDocChars } from '../../../lib/team/bounds';
import { checkTeamDoc, checkTeamDocWhy, type SharedItem } from '../../../lib/team/documents';
import { validateSource } from '../../../scripts/team-setup.mjs';
import { teamItem } from './items';

// One member's published items are replicated to, and drawn by, every member's browser: the
// team space holds each document to caps, the same in every browser (checkTeamDoc) and on the
// server (team/validate_doc_update.js, as scripts/team-setup.mjs installs it).

const takeaways = (n: number) => Array.from({ length: n }, (_, i) => `Takeaway ${i}`);
const quotes = (n: number) => Array.from({ length: n }, (_, i) => ({ exact: `Quote ${i}` }));
const clips = (n: number) => Array.from({ length: n }, (_, i) => ({ atSec: i * 10, note: `Clip ${i}` }));

/** Text in takeaways of at most 4,000 characters each (the app's limit on one). */
const inTakeaways = (text: string): string[] => text.match(/[\s\S]{1,4000}/g) ?? [];

/** An item whose text is exactly `chars` characters in all. */
function withChars(chars: number): SharedItem {
  const base = teamDocChars(teamItem());
  return teamItem({ takeaways: inTakeaways('x'.repeat(chars - base)) });
}

/**
 * An item of exactly `bytes` bytes of JSON, its text under the character cap: a control character
 * is one character and six bytes once written as JSON (\u0001).
 */
function withBytes(bytes: number): SharedItem {
  const controls = Math.floor((bytes - teamDocBytes(teamItem())) / 6) - 100;
  const probe = teamItem({ takeaways: inTakeaways('\u0001'.repeat(controls)) });
  // Each extra takeaway costs its quotes and comma; the rest is made up in letters, in the last one.
  const short = bytes - teamDocBytes(probe);
  const takeawaysText: string[] = inTakeaways('\u0001'.repeat(controls));
  takeawaysText.push('a'.repeat(short - 3));
  return teamItem({ takeaways: takeawaysText });
}

/** Each cap, an item right at it and one just over it. */
const AT_AND_OVER: [string, SharedItem, SharedItem][] = [
  ['takeaways', teamItem({ takeaways: takeaways(50) }), teamItem({ takeaways: takeaways(51) })],
  ['quotes', teamItem({ quotes: quotes(50) }), teamItem({ quotes: quotes(51) })],
  ['clips', teamItem({ clips: clips(50) }), teamItem({ clips: clips(51) })],
  ['characters of text', withChars(TEAM_CAPS.textChars), withChars(TEAM_CAPS.textChars + 1)],
  ['bytes of JSON', withBytes(TEAM_CAPS.docBytes), withBytes(TEAM_CAPS.docBytes + 1)],
  [
    'a clip in a video of unknown length (a day)',
    teamItem({ clips: [{ atSec: 86_400, note: '' }] }),
    teamItem({ clips: [{ atSec: 86_401, note: '' }] }),
  ],
  [
    'a clip in a video of known length',
    teamItem({ durationSec: 600, clips: [{ atSec: 590, endSec: 600, note: '' }] }),
    teamItem({ durationSec: 600, clips: [{ atSec: 590, endSec: 601, note: '' }] }),
  ],
  [
    'a clip at 1e308 s',
    teamItem({ clips: [{ atSec: 0, note: '' }] }),
    teamItem({ clips: [{ atSec: 1e308, note: '' }] }),
  ],
];

// CouchDB evaluates the installed text; so does this.
const validate = new Function(`return (${validateSource()});`)() as (
  newDoc: unknown,
  oldDoc: unknown,
  userCtx: { name: string; roles: string[] },
) => void;
const serverTakes = (doc: unknown) => {
  try {
    validate(JSON.parse(JSON.stringify(doc)), null, { name: 'bob', roles: [] });
    return true;
  } catch (error) {
    if (!(error as { forbidden?: string }).forbidden) throw error;
    return false;
  }
};

describe('the team caps', () => {
  it('are well under the 1 MB the user’s own database refuses', () => {
    expect(TEAM_CAPS).toMatchObject({ takeaways: 50, quotes: 50, clips: 50, textChars: 50_000, docBytes: 200_000 });
  });

  it('the items at the byte cap are exactly at it, their text under the character cap', () => {
    for (const bytes of [TEAM_CAPS.docBytes, TEAM_CAPS.docBytes + 1]) {
      expect(teamDocBytes(withBytes(bytes))).toBe(bytes);
      expect(teamDocChars(withBytes(bytes))).toBeLessThan(TEAM_CAPS.textChars);
    }
    expect(teamDocChars(withChars(TEAM_CAPS.textChars))).toBe(TEAM_CAPS.textChars);
  });

  it.each(AT_AND_OVER)('an item at the cap on %s is shown, one over it is refused and says why', (_, at, over) => {
    expect(checkTeamDoc(at)).not.toBeNull();
    const refused = checkTeamDocWhy(over);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.why).toMatch(/^(too-large|clip-time)$/);
  });

  it.each(AT_AND_OVER)('the server and the browsers agree on %s, at the cap and over it', (_, at, over) => {
    expect(serverTakes(at)).toBe(true);
    expect(serverTakes(over)).toBe(false);
    expect(checkTeamDoc(at) !== null).toBe(serverTakes(at));
    expect(checkTeamDoc(over) !== null).toBe(serverTakes(over));
  });

  it('a clip at 1e308 s is refused for its time, not shown as "2.777777777777778e+304:58:56"', () => {
    expect(checkTeamDocWhy(teamItem({ clips: [{ atSec: 1e308, note: 'far' }] }))).toEqual({
      ok: false,
      why: 'clip-time',
    });
  });

  it('an item published before the caps, within them, stays readable', () => {
    // As the old code published it: no version, lists and fields as they were.
    const old = teamItem({
      kind: 'article',
      url: 'https://blog.example.org/talk',
      site: 'blog.example.org',
      sharedHow: 'meeting',
      takeaways: ['Ship in slices of a day'],
      quotes: [{ exact: 'Small batches', note: 'yes' }],
    });
    expect(checkTeamDoc({ ...old, _rev: '3-abc' })).toMatchObject({ title: 'A talk', takeaways: old.takeaways });
  });

  it('a huge item (500 takeaways of 4,000 characters) is refused before its text is read', () => {
    const huge = teamItem({ takeaways: Array.from({ length: 500 }, () => 'x'.repeat(4000)) });
    expect(checkTeamDocWhy(huge)).toEqual({ ok: false, why: 'too-large' });
  });
});
