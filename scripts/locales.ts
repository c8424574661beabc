import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessageFile = Record<string, ChromeMessage>;

const localesDir = join(import.meta.dirname ?? __dirname, '..', 'locales');

/**
 * Each domain keeps its strings in locales/<lang>/<domain>.json so features can grow without
 * touching one shared file; the build merges them into the _locales/<lang>/messages.json the
 * browser reads.
 */
export function readLocale(lang: string): MessageFile {
  const merged: MessageFile = {};
  for (const file of readdirSync(join(localesDir, lang))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const messages = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as MessageFile;
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`Message key ${key} is defined twice in locales/${lang}`);
      merged[key] = value;
    }
  }
  return merged;
}

export function localeLanguages(): string[] {
  return readdirSync(localesDir).sort();
}

export function mergedLocaleFiles(): { relativeDest: string; contents: string }[] {
  return localeLanguages().map((lang) => ({
    relativeDest: `_locales/${lang}/messages.json`,
    contents: JSON.stringify(readLocale(lang)),
  }));
}
