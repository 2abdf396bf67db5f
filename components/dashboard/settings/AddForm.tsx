import type { ComponentChildren } from 'preact';
import type { Dashboard } from '../app-model';

/**
 * The one-line form under a settings list that adds an item to it. A refusal shows in the toast and keeps what the rep
 * typed; `onAdded` clears the inputs once the store took the item.
 */
export function AddForm({
  app,
  submitLabel,
  add,
  onAdded,
  children,
}: {
  app: Dashboard;
  submitLabel: string;
  add(): Promise<unknown>;
  onAdded(): void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        void app.attempt(add).then((saved) => saved && onAdded());
      }}
    >
      {children}
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
