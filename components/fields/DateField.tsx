import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exampleDayText, formatDayText, isIsoDay, parseDayText } from '@/lib/dates/input';
import { locale, t } from '@/lib/i18n';
import './fields.css';

interface DateFieldProps {
  label: string;
  /** An ISO day ("2026-12-08") or ''. */
  value: string;
  /** The day typed or picked, or '' while the text is empty or not a date (as `<input type=date>` does). */
  onValue: (isoDay: string) => void;
  min?: string;
  max?: string;
  inputClass?: string;
  /** Describes a problem the form found (its element's id), beside the field's own hint. */
  problemId?: string;
  children?: ComponentChildren;
}

const loadCalendar = () => import('cally');

/**
 * A day typed in the chosen language's way (and read back in it), with a calendar that follows
 * the same language. `<input type=date>` shows the browser's locale whatever the UI's language.
 */
export function DateField({ label, value, onValue, min, max, inputClass, problemId, children }: DateFieldProps) {
  const id = useId();
  const tag = locale();
  const [text, setText] = useState(() => formatDayText(value, tag));
  const [problem, setProblem] = useState('');
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const example = exampleDayText(new Date(), tag);

  // A value changed from outside (a reset, another tab) replaces the text; the user's own typing,
  // which parses to the same day or to nothing yet, does not.
  useEffect(() => {
    const typed = parseDayText(text, tag, new Date()) ?? '';
    if (typed !== value) {
      setText(formatDayText(value, tag));
      setProblem('');
    }
  }, [value, tag]);

  const outOfRange = (day: string) => {
    if (min && max && (day < min || day > max))
      return t('dateOutOfRange', formatDayText(min, tag), formatDayText(max, tag));
    if (min && day < min) return t('dateNotBefore', formatDayText(min, tag));
    if (max && day > max) return t('dateNotAfter', formatDayText(max, tag));
    return '';
  };

  const take = (typed: string) => {
    setText(typed);
    const day = parseDayText(typed, tag, new Date());
    setProblem('');
    onValue(day ?? '');
  };

  const settle = () => {
    const day = parseDayText(text, tag, new Date());
    if (day) {
      setText(formatDayText(day, tag));
      setProblem(outOfRange(day));
    } else {
      setProblem(text.trim() ? t('dateInvalid', text.trim(), example) : '');
    }
  };

  const pick = (day: string) => {
    setText(formatDayText(day, tag));
    setProblem(outOfRange(day));
    onValue(day);
    setOpen(false);
    document.getElementById(id)?.focus();
  };

  const hintId = `${id}-hint`;
  const problemTextId = `${id}-problem`;
  return (
    <div class="field date-field" ref={wrapper}>
      <label class="label" for={id}>
        {label}
      </label>
      <div class="date-input">
        <input
          id={id}
          class={`input${inputClass ? ` ${inputClass}` : ''}`}
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={example}
          value={text}
          aria-invalid={problem !== '' || problemId !== undefined || undefined}
          aria-describedby={[problem ? problemTextId : hintId, problemId].filter(Boolean).join(' ')}
          onInput={(event) => take(event.currentTarget.value)}
          onBlur={settle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') settle();
            if (event.key === 'ArrowDown' && event.altKey) {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={button}
          type="button"
          class="btn btn-ghost date-picker-button"
          aria-label={t('datePickerOpen')}
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <rect x="3" y="4.5" width="14" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
            <path d="M3 8.5h14M7 2.5v4M13 2.5v4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
          </svg>
        </button>
        {open && (
          <DatePicker
            value={isIsoDay(value) ? value : ''}
            min={min}
            max={max}
            onPick={pick}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
            within={wrapper}
          />
        )}
      </div>
      <span id={hintId} class="visually-hidden">
        {t('dateHint', example)}
      </span>
      {problem && (
        <p id={problemTextId} class="notice notice-error small" role="alert">
          {problem}
        </p>
      )}
      {children}
    </div>
  );
}

interface DatePickerProps {
  value: string;
  min?: string;
  max?: string;
  onPick: (isoDay: string) => void;
  onClose: () => void;
  within: { current: HTMLElement | null };
}

function DatePicker({ value, min, max, onPick, onClose, within }: DatePickerProps) {
  const calendar = useRef<HTMLElement & { focus: (options?: FocusOptions) => void; value: string }>(null);
  const [ready, setReady] = useState(false);
  const [shownMonth, setShownMonth] = useState(() => (value ? new Date(`${value}T12:00:00Z`) : new Date()));

  useEffect(() => {
    let alive = true;
    void loadCalendar().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const element = calendar.current;
    if (!ready || !element) return;
    const changed = () => onPick(element.value);
    // Paging and arrow keys move the focused day; the heading follows its month.
    const focused = (event: Event) => setShownMonth((event as CustomEvent<Date>).detail);
    element.addEventListener('change', changed);
    element.addEventListener('focusday', focused);
    // Cally renders on the next frame; its focus() moves to the chosen (or today's) day.
    requestAnimationFrame(() => element.focus());
    return () => {
      element.removeEventListener('change', changed);
      element.removeEventListener('focusday', focused);
    };
  }, [ready]);

  // A layout effect, so the listeners are there before the calendar is painted: with a passive
  // effect, Escape pressed the moment the calendar shows could come before them and be lost.
  useLayoutEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!within.current?.contains(event.target as Node)) onClose();
    };
    // Escape closes the calendar wherever the focus is: pressed at once, before the calendar has
    // taken the focus from its button, it still closes.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', onEscape, true);
    };
  }, []);

  return (
    <div class="date-picker card" role="dialog" aria-label={t('datePickerTitle')}>
      {ready ? (
        <calendar-date
          ref={calendar}
          class="date-picker-calendar"
          value={value}
          {...(min ? { min } : {})}
          {...(max ? { max } : {})}
          locale={locale()}
          first-day-of-week={1}
        >
          <span slot="heading" class="date-picker-heading" aria-hidden="true">
            {new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(shownMonth)}
          </span>
          <span slot="previous" role="img" aria-label={t('datePickerPrevious')}>
            ‹
          </span>
          <span slot="next" role="img" aria-label={t('datePickerNext')}>
            ›
          </span>
          <calendar-month />
        </calendar-date>
      ) : (
        <div class="skeleton" aria-busy="true" />
      )}
    </div>
  );
}
