import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Focus for a form that opens under the button that opened it: its first field when it opens, the button again when
 * it closes, so a keyboard user keeps their place. Moved by script, not `autofocus`: Chrome ignores autofocus in a
 * cross-origin frame, which the sidebar is inside Gmail, and a script may move focus there right after the click or
 * key that opened the form.
 */
export function useFormFocus(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { opener, panel };
}
