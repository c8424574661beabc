/**
 * File names for the Markdown export: a title made safe on every file system a vault is synced
 * to (Windows, macOS, Linux, phones), and by Obsidian's and Logseq's own rules for page names.
 */

/** A slug's length in characters (code points): 60 of at most 4 bytes each, with " (abcdef).md", fit a 255-byte name. */
export const SLUG_MAX_CHARS = 60;

/** What stands for a title that leaves nothing behind. */
export const UNTITLED = 'Untitled';

/**
 * Characters Windows refuses (`/\:*?"<>|`), Obsidian cannot link to (`#^[]|`), and control and
 * format characters (a right-to-left override would make a listing lie about the name) but the
 * joiners, which hold an emoji sequence or a Persian word together.
 */
const UNSAFE = /[/\\:*?"<>|#^[\]\p{Cc}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/gu;

/** Windows' device names, refused with any extension: `CON.md` cannot be made there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` code points, never cutting a letter from its accent or an emoji from its joiner. */
function cutAt(text: string, max: number): string {
  if (Array.from(text).length <= max) return text;
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = Array.from(segment).length;
    if (count + size > max) break;
    out += segment;
    count += size;
  }
  return out;
}

/** No leading or trailing dots and spaces: Windows drops trailing ones, and a leading dot hides the file. */
const trimEdges = (text: string) => text.replace(/^[.\s]+|[.\s]+$/gu, '');

/**
 * A title as a file name's stem: NFC (macOS would otherwise store å as a + ring, and a second
 * export would not match the first), unsafe characters as spaces, white space folded, at most
 * `SLUG_MAX_CHARS`, letters of every script kept; `Untitled` when nothing is left.
 */
export function slugify(title: string): string {
  const folded = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ');
  let slug = trimEdges(cutAt(trimEdges(folded), SLUG_MAX_CHARS));
  if (!slug) return UNTITLED;
  // Windows reads the part before the first dot as the device name: "nul.txt" is NUL too.
  if (RESERVED.test(slug.split('.')[0]!.trim()))
    slug = trimEdges(
      cutAt(
        slug.replace(/^[^.]*/, (name) => `${name.trimEnd()}-`),
        SLUG_MAX_CHARS,
      ),
    );
  return slug;
}

const ID_CHARS = 6;
const ID_CHARS_MAX = 12;

/** An id's characters as a name may hold them: ours are ASCII, but an imported id may be any text. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Names for records, `<slug> (<first 6 characters of the id>)`, unique even where a file system
 * ignores case; the same library always gets the same names, so a second export overwrites the
 * first. Two records that would share a name (ids alike in their first characters) take more of
 * their ids, in id order, so which one does is stable too.
 */
export function uniqueNames<T extends { id: string }>(
  records: readonly T[],
  title: (record: T) => string,
  extension = '.md',
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ordered = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const record of ordered) {
    const slug = slugify(title(record));
    const id = safeId(record.id);
    let name = '';
    for (let attempt = 0; ; attempt++) {
      // 6 characters, then up to 12, then the 6 and a number: a name never grows past a file system's limit.
      const length = ID_CHARS + attempt;
      const suffix =
        attempt === 0 || length <= Math.min(id.length, ID_CHARS_MAX)
          ? id.slice(0, length)
          : `${id.slice(0, ID_CHARS)}-${attempt + 1}`;
      name = `${slug} (${suffix})${extension}`;
      if (!taken.has(name.toLowerCase())) break;
    }
    taken.add(name.toLowerCase());
    names.set(record.id, name);
  }
  return names;
}
