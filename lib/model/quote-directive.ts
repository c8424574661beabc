import { LIMITS } from '../infra/limits';

// The check alone, in its own module: capture and the database need it, not the link builders.

/** What a stored directive may look like: `text=` and encoded terms, nothing that ends the URL. */
export function isFragmentDirective(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= LIMITS.url &&
    /^text=(?:[^\s#&,-]+-,)?[^\s#&,-]+(?:,[^\s#&,-]+)?(?:,-[^\s#&,-]+)?$/.test(value)
  );
}
