import { useEffect, useState } from 'preact/hooks';

/**
 * A text box that keeps what the rep is typing while the page re-reads the store (another field of the same line
 * saved a moment ago): a controlled box would be reset to the stored value mid-word. It takes the stored value again
 * when that changes, and hands the text over when the rep leaves the box.
 */
export function DraftInput({
  label,
  value,
  onCommit,
  ...rest
}: {
  label: string;
  value: string;
  onCommit(text: string): void;
  type?: 'number';
  min?: number;
  step?: number;
  maxLength?: number;
  inputMode?: 'decimal';
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label>
      {label}
      <input
        {...rest}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => {
          if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
        }}
      />
    </label>
  );
}
