import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditableField } from '@/components/EditableField';
import { RpcFailure } from '@/lib/worker/client';

// The focus moves and key handling of a click-to-edit field; that they also work inside the sidebar's cross-origin
// frame, with real keys, is test/e2e/edit-in-place.e2e.ts.

let root: HTMLElement;

function mount(onSave: (next: string) => Promise<unknown>, value = 'Sales Manager') {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<EditableField label="Job title" value={value} onSave={onSave} />, root));
}

const button = () => root.querySelector<HTMLButtonElement>('button.field-value');
const input = () => root.querySelector('input');

async function open() {
  await act(() => button()!.click());
  return input()!;
}

/** Submits as Enter in the input would, and lets the save settle. */
async function submit(field: HTMLInputElement) {
  await act(async () => {
    field.form!.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function typeOver(field: HTMLInputElement, text: string) {
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('EditableField', () => {
  it('is named by its value first, then by what it edits', () => {
    mount(async () => undefined);
    expect(button()!.textContent).toBe('Sales Manager');
    expect(button()!.getAttribute('aria-label')).toBe('Sales Manager, edit Job title');
  });

  it('names an empty field by the dash it shows', () => {
    mount(async () => undefined, '');
    expect(button()!.textContent).toBe('—');
    expect(button()!.getAttribute('aria-label')).toBe('—, edit Job title');
  });

  it('moves focus into the input with the old value selected, without the autofocus attribute', async () => {
    mount(async () => undefined);
    const field = await open();
    expect(document.activeElement).toBe(field);
    expect(field.hasAttribute('autofocus')).toBe(false);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'Sales Manager'.length]);
  });

  it('saves the trimmed text on submit and gives focus back to the value', async () => {
    const onSave = vi.fn(async () => undefined);
    mount(onSave);
    const field = await open();
    await typeOver(field, '  Head of Sales ');
    await submit(field);
    expect(onSave).toHaveBeenCalledWith('Head of Sales');
    expect(input()).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('cancels on Escape, from the input or a button of the form, and gives focus back to the value', async () => {
    const onSave = vi.fn(async () => undefined);
    mount(onSave);
    for (const target of [() => input()!, () => root.querySelector<HTMLButtonElement>('button[type=submit]')!]) {
      await typeOver(await open(), 'Intern');
      const key = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      await act(() => {
        target().dispatchEvent(key);
      });
      expect(key.defaultPrevented).toBe(true);
      expect(input()).toBeNull();
      expect(button()!.textContent).toBe('Sales Manager');
      expect(document.activeElement).toBe(button());
    }
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps the input open with the reason when the save is refused', async () => {
    mount(async () =>
      Promise.reject(new RpcFailure({ code: 'invalid', message: 'has characters a title cannot have' })),
    );
    const field = await open();
    await typeOver(field, '<b>');
    await submit(field);
    expect(input()).not.toBeNull();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('has characters a title cannot have');
    expect(input()!.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('a value shown in words but edited as data', () => {
  it('shows the words on the button and gives the input the value', async () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <EditableField label="Close date" type="date" value="2027-01-02" display="Jan 2, 2027" onSave={vi.fn()} />,
        root,
      ),
    );
    expect(button()!.textContent).toBe('Jan 2, 2027');
    expect(button()!.getAttribute('aria-label')).toMatch(/^Jan 2, 2027, /);
    expect((await open()).value).toBe('2027-01-02');
  });
});
