/** A Readwise CSV export of many highlights, written in Node as Readwise writes it (the import's bench line). */

const HEADER =
  'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags';
const WORDS =
  'learning loop feedback practice team change habit review question system notes deliberate skill knowledge transfer coaching design reflection experiment'.split(
    ' ',
  );

/** A cell as Readwise's CSV writes it: quoted when it holds a comma, a quote or a line break. */
/** A small seeded generator (mulberry32): the same file every run. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * `books` books of `perBook` highlights each: realistic lengths (20–60 words), a comma or a line
 * break inside some, a note on one in five, Kindle locations and times spread over two years.
 */
export function readwiseCsv(books = 200, perBook = 50, seed = 7) {
  const random = createRandom(seed);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const lines = [HEADER];
  const start = Date.UTC(2024, 0, 1);
  for (let b = 0; b < books; b++) {
    const title = `${words(3)} ${b}, a book`;
    const author = `Author ${b % 150}`;
    for (let h = 0; h < perBook; h++) {
      const text = `${words(10)}, ${words(10 + Math.floor(random() * 30))}${h % 7 === 0 ? `\n${words(8)}` : ''} (${b}.${h})`;
      const note = h % 5 === 0 ? `${words(6)}, "${words(2)}"` : '';
      const at = new Date(start + Math.floor(random() * 730 * 86_400_000)).toISOString();
      const loc = 100 + h * 37;
      lines.push(
        [
          text,
          title,
          author,
          `B0${String(b).padStart(8, '0')}`,
          note,
          'yellow',
          '',
          'location',
          `${loc}`,
          `${at.slice(0, 10)} ${at.slice(11, 19)}+00:00`,
          'bench,books',
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
