import type { JSX } from 'preact';

/** Cally's custom elements, as the date picker uses them (it loads `cally` on first open). */
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'calendar-date': JSX.HTMLAttributes<HTMLElement> & {
        value?: string;
        min?: string;
        max?: string;
        locale?: string;
        'first-day-of-week'?: number;
        'focused-date'?: string;
      };
      'calendar-month': JSX.HTMLAttributes<HTMLElement>;
    }
  }
}
