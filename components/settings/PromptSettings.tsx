import { useState } from 'preact/hooks';
import { useLiveQuery, useStorageItem } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import {
  addCustomPrompt,
  deleteCustomPrompt,
  editCustomPrompt,
  listCustomPrompts,
  setDisabledBuiltInPrompts,
} from '@/lib/app/prompts';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { CustomPrompt } from '@/lib/model/prompt';
import { t } from '@/lib/i18n';
import { LIMITS } from '@/lib/infra/limits';
import { ACTIVITY_GROUPS, BUILT_IN_PROMPTS, builtInText, CUSTOM_GROUPS, groupLabel } from '@/lib/prompts/catalogue';
import { disabledBuiltInPrompts } from '@/lib/settings';
import { ErrorNotice, UndoNotice } from '@/components/Notices';

const DEFAULT_GROUP = 'own';

/** The prompt catalogue: the user's own prompts (add, edit, turn off, delete) and the built-in ones (turn off). */
export function PromptSettings() {
  const live = useLiveQuery(listCustomPrompts, ['prompts']);
  const customs = live.data ?? null;
  const disabled = useStorageItem(disabledBuiltInPrompts) ?? [];
  const [text, setText] = useState('');
  const [group, setGroup] = useState<string>(DEFAULT_GROUP);
  const [writeError, setError] = useState('');
  const error = writeError || (live.error ? describeWriteError(live.error) : '');
  const { offer: undo, remove: removeWithUndo, takeBack } = useUndoOffer(setError);

  const run = async (task: () => Promise<unknown>) => {
    setError('');
    try {
      await task();
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const onAdd = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('promptsEmptyText'));
      return;
    }
    void run(async () => {
      await addCustomPrompt(text, group);
      // Added: the form is ready for a new prompt (a failed add keeps what was typed and chosen).
      setText('');
      setGroup(DEFAULT_GROUP);
    });
  };

  const toggleBuiltIn = (id: string, on: boolean) => {
    const next = on ? disabled.filter((d) => d !== id) : [...disabled, id];
    void run(() => setDisabledBuiltInPrompts(next));
  };

  const remove = (prompt: CustomPrompt) => void removeWithUndo(() => deleteCustomPrompt(prompt.id));

  const onCount = BUILT_IN_PROMPTS.filter((p) => !disabled.includes(p.id)).length;

  return (
    <section id="prompts" class="card panel prompt-settings" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading" tabIndex={-1}>
        {t('promptsHeading')}
      </h2>
      <p class="muted small">{t('promptsIntro')}</p>

      <form class="prompt-add" onSubmit={onAdd}>
        <label class="field">
          <span>{t('promptsNewText')}</span>
          <textarea
            class="input"
            rows={2}
            value={text}
            maxLength={LIMITS.promptText}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div class="prompt-add-row">
          <label class="field">
            <span>{t('promptsGroup')}</span>
            <GroupSelect value={group} onChange={setGroup} />
          </label>
          <button type="submit" class="btn btn-primary">
            {t('promptsAdd')}
          </button>
        </div>
      </form>

      <ErrorNotice message={error} />
      {undo && <UndoNotice text={t('promptsDeleted')} undoLabel={t('journalUndo')} onUndo={() => void takeBack()} />}

      <h3>{t('promptsYours')}</h3>
      {customs === null ? null : customs.length === 0 ? (
        <p class="small muted">{t('promptsNoneYet')}</p>
      ) : (
        <ul class="prompt-list">
          {customs.map((prompt) => (
            <CustomPromptItem key={prompt.id} prompt={prompt} onError={setError} onDelete={() => remove(prompt)} />
          ))}
        </ul>
      )}

      <details class="prompt-builtins">
        <summary>{t('promptsBuiltIn', onCount, BUILT_IN_PROMPTS.length)}</summary>
        {ACTIVITY_GROUPS.map((g) => (
          <fieldset key={g}>
            <legend class="label">{groupLabel(g)}</legend>
            {BUILT_IN_PROMPTS.filter((p) => p.group === g).map((p) => (
              <label key={p.id} class="checkbox">
                <input
                  type="checkbox"
                  checked={!disabled.includes(p.id)}
                  onChange={(e) => toggleBuiltIn(p.id, e.currentTarget.checked)}
                />
                <span>{builtInText(p.id)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </details>
    </section>
  );
}

function GroupSelect({ value, onChange, id }: { value: string; onChange: (group: string) => void; id?: string }) {
  return (
    <select id={id} class="input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {CUSTOM_GROUPS.map((g) => (
        <option key={g} value={g}>
          {groupLabel(g)}
        </option>
      ))}
    </select>
  );
}

function CustomPromptItem({
  prompt,
  onError,
  onDelete,
}: {
  prompt: CustomPrompt;
  onError: (message: string) => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(prompt.text);
  const [group, setGroup] = useState(prompt.group);
  const textId = `custom-prompt-${prompt.id}`;

  const update = async (patch: { text?: string; group?: string; enabled?: boolean }) => {
    try {
      await editCustomPrompt(prompt.id, patch);
      return true;
    } catch (e) {
      onError(describeWriteError(e));
      return false;
    }
  };

  return (
    <li class="prompt-item">
      <label class="checkbox" title={t('promptsEnabled')}>
        <input
          type="checkbox"
          checked={prompt.enabled}
          aria-label={t('promptsEnabled')}
          aria-describedby={textId}
          onChange={(e) => void update({ enabled: e.currentTarget.checked })}
        />
      </label>
      <div>
        <p id={textId} class="prompt-item-text" dir="auto">
          {prompt.text}
        </p>
        <span class="chip">{groupLabel(prompt.group)}</span>
      </div>
      <div class="prompt-item-actions">
        <button
          type="button"
          class="btn btn-small btn-ghost"
          aria-describedby={textId}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('journalEdit')}
        </button>
        <button type="button" class="btn btn-small btn-ghost btn-danger" aria-describedby={textId} onClick={onDelete}>
          {t('journalDelete')}
        </button>
      </div>
      {editing && (
        <form
          class="prompt-item-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void update({ text, group }).then((ok) => ok && setEditing(false));
          }}
        >
          <label class="field">
            <span>{t('promptsEditText')}</span>
            <textarea
              class="input"
              rows={2}
              value={text}
              maxLength={LIMITS.promptText}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('promptsGroup')}</span>
            <GroupSelect value={group} onChange={setGroup} />
          </label>
          <div class="row">
            <button type="submit" class="btn btn-primary btn-small">
              {t('journalSaveEdit')}
            </button>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                setText(prompt.text);
                setGroup(prompt.group);
                setEditing(false);
              }}
            >
              {t('journalCancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
