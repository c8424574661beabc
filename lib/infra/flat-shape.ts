/**
 * The shape check of the popup's own localStorage records (the recent-list snapshot, drafts): flat
 * objects of strings, numbers and fixed words. Written out rather than a valibot schema because
 * these are read before the popup's first render, and valibot is one module, so the popup would
 * load every validator the rest of the extension uses (2.4 kB gzip of its 20 kB budget).
 * Everything read from the settings storage, an import or a sync still goes through valibot.
 */
export type FieldRule = 'string' | 'number' | 'string?' | 'number?' | readonly string[];
export type FlatShape = Readonly<Record<string, FieldRule>>;

function fits(value: unknown, rule: FieldRule): boolean {
  if (typeof rule !== 'string') return typeof value === 'string' && rule.includes(value);
  if (value === undefined) return rule.endsWith('?');
  return rule.startsWith('string') ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
}

/** The record with the shape's fields only (as valibot's `object` strips), or null when one does not fit. */
export function readFlat<T>(value: unknown, shape: FlatShape): T | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(shape)) {
    const field = (value as Record<string, unknown>)[key];
    if (!fits(field, rule)) return null;
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}
