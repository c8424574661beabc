import { useEffect, useId, useState } from 'preact/hooks';
import { formatTimeText, parseTimeText } from '@/lib/dates/input';
import { t } from '@/lib/i18n';
import './fields.css';

interface TimeFieldProps {
  label: string;
  /** Minutes after midnight. */
  value: number;
  onValue: (minutes: number) => void;
  disabled?: boolean;
}

/**
 * A time of day on the 24-hour clock in both languages. `<input type=time>` follows the browser's
 * locale, so a Swedish UI showed "06:48 PM" beside "kl. 18:48". A time is taken as soon as the
 * text names its minutes ("16:30", "1630"); "16" or "4pm" when the field is left.
 */
export function TimeField({ label, value, onValue, disabled }: TimeFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => formatTimeText(value));
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (parseTimeText(text)?.minutes !== value) setText(formatTimeText(value));
  }, [value]);

  const settle = () => {
    const parsed = parseTimeText(text);
    if (parsed) {
      setText(formatTimeText(parsed.minutes));
      setProblem('');
      if (parsed.minutes !== value) onValue(parsed.minutes);
    } else if (text.trim()) {
      setProblem(t('timeInvalid', text.trim()));
    } else {
      setText(formatTimeText(value));
    }
  };

  return (
    <div class="field time-field">
      <label class="label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input time-input"
        type="text"
        inputMode="numeric"
        autocomplete="off"
        spellcheck={false}
        disabled={disabled}
        value={text}
        aria-invalid={problem !== '' || undefined}
        aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          setProblem('');
          const parsed = parseTimeText(typed);
          if (parsed?.complete && parsed.minutes !== value) onValue(parsed.minutes);
        }}
        onBlur={settle}
        onKeyDown={(event) => event.key === 'Enter' && settle()}
      />
      <span id={`${id}-hint`} class="visually-hidden">
        {t('timeHint')}
      </span>
      {problem && (
        <span id={`${id}-problem`} class="notice notice-error small" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
