import caps from './caps.json';

/**
 * What one team document may hold. Every member's browser replicates the team database whole and
 * draws what is in it, so one member's document must not be able to freeze everyone's Team page.
 * The numbers live in caps.json, which scripts/team-setup.mjs also writes into the team
 * database's validation function (team/validate_doc_update.js): the server and every client
 * refuse the same documents. The rules below are written twice (here, and in that function's ES5
 * for CouchDB's JavaScript engine); tests/unit/team/validate-doc-update.test.ts checks the two agree.
 */
export const TEAM_CAPS: Readonly<typeof caps> = caps;

/** The version of the rules `npm run team:setup` installs; an older one lets through what clients refuse. */
export const TEAM_RULES_VERSION = caps.rulesVersion;

export type TeamList = 'takeaways' | 'quotes' | 'clips';
export const TEAM_LISTS: readonly TeamList[] = ['takeaways', 'quotes', 'clips'];

/**
 * The document's own fields: CouchDB's (`_rev`, `_revisions`, …) vary with where it is read, so
 * they do not count; the id does (it names the author and can be long).
 */
function ownFields(doc: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (key === '_id' || !key.startsWith('_')) out[key] = value;
  return out;
}

/** UTF-8 bytes of a string, counted as the validation function counts them (a lone surrogate as 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The document as JSON, in UTF-8 bytes. */
export function teamDocBytes(doc: object): number {
  return utf8Bytes(JSON.stringify(ownFields(doc)) ?? '');
}

/** Every text the document carries (its values, not its keys), in characters (UTF-16 units). */
export function teamDocChars(doc: object): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const inner of value) walk(inner);
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) walk(inner);
  };
  walk(ownFields(doc));
  return total;
}

/** The latest a clip may start: within the video's length, or within a day when it is unknown. */
export function clipBound(durationSec: unknown): number {
  return typeof durationSec === 'number' && Number.isFinite(durationSec) && durationSec > 0
    ? durationSec
    : caps.clipSecWithoutLength;
}

/** A clip's times, finite and inside the bound (an end after the start, within the bound's second). */
export function clipInBounds(clip: { atSec: unknown; endSec?: unknown }, bound: number): boolean {
  const { atSec, endSec } = clip;
  if (typeof atSec !== 'number' || !Number.isFinite(atSec) || atSec < 0 || atSec > bound) return false;
  if (endSec === undefined) return true;
  return typeof endSec === 'number' && Number.isFinite(endSec) && endSec > atSec && endSec <= Math.ceil(bound);
}

/** Why a team document is left out, in the order it is checked. */
export type TeamRefusal = 'too-large' | 'clip-time' | 'unreadable' | 'not-theirs';

/**
 * The caps alone, checked before anything reads the document closely, cheapest first: the
 * lists' lengths, the clips' times, then the text and the bytes. Null when within them.
 */
export function teamCapProblem(doc: object): 'too-large' | 'clip-time' | null {
  const fields = doc as Record<string, unknown>;
  for (const list of TEAM_LISTS) {
    const value = fields[list];
    if (Array.isArray(value) && value.length > caps[list]) return 'too-large';
  }
  if (Array.isArray(fields.clips)) {
    const bound = clipBound(fields.durationSec);
    for (const clip of fields.clips) {
      if (typeof clip !== 'object' || clip === null) continue;
      if (!clipInBounds(clip as { atSec: unknown; endSec?: unknown }, bound)) return 'clip-time';
    }
  }
  if (teamDocChars(doc) > caps.textChars || teamDocBytes(doc) > caps.docBytes) return 'too-large';
  return null;
}
