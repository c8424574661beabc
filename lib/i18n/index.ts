import { isFormattableTime } from '../infra/time';
import { browser } from 'wxt/browser';
import type { MessageKey, PluralKey } from './keys';

export type { MessageKey, PluralKey } from './keys';
export type Language = 'en' | 'sv';
export const LANGUAGES: readonly Language[] = ['en', 'sv'];
export type LanguageChoice = Language | 'auto';
export const LANGUAGE_CHOICES = ['auto', 'en', 'sv'] as const satisfies readonly LanguageChoice[];

interface LocaleMessage {
  message: string;
}
export type Dictionary = Record<string, LocaleMessage>;

/**
 * `browser.i18n` follows the browser's language and cannot switch at run time, so a language
 * chosen in settings loads that locale's messages.json itself. Pages await `loadLanguage`
 * once before their first render; `t` stays synchronous after that.
 */
let override: { language: Language; messages: Dictionary } | null = null;

/**
 * The language the browser resolves our messages in, read from a message that holds its own
 * locale code: neither getUILanguage() nor @@ui_locale reliably matches what getMessage returns
 * (Chromium on Linux takes them from different places).
 */
export function browserLanguage(): Language {
  const getMessage = browser.i18n?.getMessage as ((name: string) => string) | undefined;
  const resolved = getMessage?.('localeCode') || browser.i18n?.getUILanguage?.() || 'en';
  return resolved.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

export function currentLanguage(): Language {
  return override?.language ?? browserLanguage();
}

/** An explicit choice always loads that locale's messages, so it wins whatever the browser says. */
export async function loadLanguage(choice: LanguageChoice): Promise<void> {
  if (choice === 'auto') {
    override = null;
    return;
  }
  const response = await fetch(browser.runtime.getURL(`/_locales/${choice}/messages.json` as '/'));
  override = { language: choice, messages: (await response.json()) as Dictionary };
}

/**
 * The messages `t` answers with now, whole: a worker has no `browser.i18n`, so a page hands it
 * these (lib/app/import-job.ts) and the worker's refusals read as the page's would.
 */
export async function currentMessages(): Promise<{ language: Language; messages: Dictionary }> {
  if (override) return override;
  const language = browserLanguage();
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/'));
  return { language, messages: (await response.json()) as Dictionary };
}

/** For tests and for code that already holds a dictionary (e.g. bundled fixtures). */
export function useDictionary(language: Language, messages: Dictionary | null): void {
  override = messages ? { language, messages } : null;
}

export function substitute(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\d|\$)/g, (_whole, index: string) =>
    index === '$' ? '$' : String(substitutions[Number(index) - 1] ?? ''),
  );
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (override) {
    const entry = override.messages[key];
    return entry ? substitute(entry.message, substitutions) : key;
  }
  // WXT types getMessage with the keys it finds in public/_locales; ours are merged at build time.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  return text || key;
}

/**
 * A message about a count: `browser.i18n` has no plurals, so each form is its own message,
 * `<key>_one` / `<key>_other` (the categories `Intl.PluralRules` gives the language; English
 * and Swedish both use these two). `count` picks the form; `$1` is the count in the language's
 * digits unless substitutions are given.
 */
export function tn(key: PluralKey, count: number, ...substitutions: (string | number)[]): string {
  const category = new Intl.PluralRules(locale()).select(count);
  const form = `${key}_${category}` as MessageKey;
  const values = substitutions.length > 0 ? substitutions : [formatNumber(count)];
  const text = t(form, ...values);
  return text === form ? t(`${key}_other` as MessageKey, ...values) : text;
}

/** Intl helpers follow the chosen language, not the browser's. */
export function locale(): string {
  return currentLanguage() === 'sv' ? 'sv-SE' : 'en-GB';
}

export function formatDate(
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  // A damaged record's time says so instead of throwing and blanking the whole list.
  if (!isFormattableTime(value)) return t('dateUnknown');
  return new Intl.DateTimeFormat(locale(), options).format(new Date(value));
}

let numberFormat: { locale: string; intl: Intl.NumberFormat } | null = null;
/** One formatter per language: building one costs more than formatting (a count per keystroke). */
export function formatNumber(value: number): string {
  const current = locale();
  if (numberFormat?.locale !== current) numberFormat = { locale: current, intl: new Intl.NumberFormat(current) };
  return numberFormat.intl.format(value);
}

/** 1536 → "1.5 kB", 3.2e9 → "3 GB" (decimal units, as disks are sold). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

export function formatRelativeDays(days: number): string {
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(days, 'day');
}

export { formatClock } from '../infra/video-time';

/**
 * "55 min", "1 h 5 min": the same abbreviations as "11 min read" beside it. Intl's short units
 * differ by locale ("55 mins" in en-GB, "55 min" elsewhere) and DurationFormat is not in every
 * browser we support, so the units are our own messages.
 */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.max(1, Math.round(totalSeconds / 60));
  if (minutes < 60) return t('durationMinutes', formatNumber(minutes));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest
    ? t('durationHoursMinutes', formatNumber(hours), formatNumber(rest))
    : t('durationHours', formatNumber(hours));
}
