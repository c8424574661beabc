/** The clipboard part the Copy button needs; tests pass a stub. */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** True when the text is on the clipboard. Never throws: a refusal becomes a message. */
export async function copyText(
  text: string,
  clipboard: ClipboardLike | null | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Save text as a file through a temporary object URL (no downloads permission needed). */
export function downloadText(
  text: string,
  fileName: string,
  doc: Document = document,
  mime = 'text/markdown;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
