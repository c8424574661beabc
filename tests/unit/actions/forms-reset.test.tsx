import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionForm } from '../../../components/actions/ActionForm';
import { PromptSettings } from '../../../components/settings/PromptSettings';
import * as actions from '../../../lib/app/actions';
import * as prompts from '../../../lib/app/prompts';
import * as messaging from '../../../lib/messaging-transport';

// A create form, once saved, is ready for the next one: nothing of the last (its date, its kind)
// stays behind to be saved again unnoticed. A save that fails keeps everything the user typed.

const NOW = new Date('2026-12-08T09:00:00');
let host: HTMLElement;
async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(node, host);
  });
}
const fieldByLabel = <T extends HTMLElement>(text: string): T => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text));
  if (!label) throw new Error(`no field ${text}`);
  const control = label.htmlFor
    ? host.querySelector<T>(`[id="${label.htmlFor}"]`)
    : label.querySelector<T>('input, textarea, select');
  return control!;
};
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const choose = (select: HTMLSelectElement, value: string) =>
  act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
const click = (element: HTMLElement) =>
  act(async () => {
    element.click();
  });
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;
const radio = (name: string) => fieldByLabel<HTMLInputElement>(name);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the action form after saving', () => {
  it('starts the next action afresh: no text, the follow-up back to “In a week”, not the last date', async () => {
    await mount(<ActionForm />);
    await type(fieldByLabel('What will you do differently?'), 'Ask a customer how they see our releases');
    await click(radio('On a date'));
    await type(fieldByLabel('Follow-up date'), '24/12/2026');
    await act(async () => {
      host.querySelector('form')!.requestSubmit();
    });
    await vi.waitFor(() => expect(host.querySelector('.action-saved')?.textContent).toMatch(/^Action saved/));
    expect((await actions.listActions())[0]).toMatchObject({ text: 'Ask a customer how they see our releases' });

    expect(fieldByLabel<HTMLTextAreaElement>('What will you do differently?').value).toBe('');
    expect(radio('In a week').checked).toBe(true);
    expect(radio('On a date').checked).toBe(false);
    expect(host.querySelector('.follow-up-date')).toBeNull();
    // Picking a date again offers a week from today, not Christmas Eve.
    await click(radio('On a date'));
    expect(fieldByLabel<HTMLInputElement>('Follow-up date').value).toBe('15 Dec 2026');
  });

  it('a save that fails keeps the text, the choice and the date', async () => {
    vi.spyOn(actions, 'createAction').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await mount(<ActionForm />);
    await type(fieldByLabel('What will you do differently?'), 'Pair on the next release');
    await click(radio('On a date'));
    await type(fieldByLabel('Follow-up date'), '24/12/2026');
    await act(async () => {
      host.querySelector('form')!.requestSubmit();
    });
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull());
    expect(fieldByLabel<HTMLTextAreaElement>('What will you do differently?').value).toBe('Pair on the next release');
    expect(radio('On a date').checked).toBe(true);
    expect(fieldByLabel<HTMLInputElement>('Follow-up date').value).toBe('24/12/2026');
  });
});

describe('the new-prompt form after adding', () => {
  it('is empty and back on the first kind, so the next prompt does not land in the last one’s', async () => {
    await mount(<PromptSettings />);
    await type(fieldByLabel('New prompt'), 'What did the customer teach us?');
    const kind = fieldByLabel<HTMLSelectElement>('Kind of learning');
    const first = kind.value;
    const other = [...kind.options].map((o) => o.value).find((v) => v !== first)!;
    await choose(kind, other);
    await click(button('Add prompt'));
    await vi.waitFor(async () => expect(await prompts.listCustomPrompts()).toHaveLength(1));
    expect((await prompts.listCustomPrompts())[0]).toMatchObject({ group: other });
    await vi.waitFor(() => expect(fieldByLabel<HTMLTextAreaElement>('New prompt').value).toBe(''));
    expect(fieldByLabel<HTMLSelectElement>('Kind of learning').value).toBe(first);
  });

  it('an add that fails keeps the text and the kind', async () => {
    vi.spyOn(prompts, 'addCustomPrompt').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await mount(<PromptSettings />);
    await type(fieldByLabel('New prompt'), 'What did the customer teach us?');
    const kind = fieldByLabel<HTMLSelectElement>('Kind of learning');
    const other = [...kind.options].map((o) => o.value).find((v) => v !== kind.value)!;
    await choose(kind, other);
    await click(button('Add prompt'));
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull());
    expect(fieldByLabel<HTMLTextAreaElement>('New prompt').value).toBe('What did the customer teach us?');
    expect(fieldByLabel<HTMLSelectElement>('Kind of learning').value).toBe(other);
  });
});
