export function newId(): string {
  return crypto.randomUUID();
}

/**
 * FNV-1a of the text, base 36: an id made from what a thing is, so the same old record always
 * gets the same id (a database upgrade and an old export of it agree). Not for security.
 */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
