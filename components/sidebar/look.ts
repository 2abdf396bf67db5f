/**
 * Matches the sidebar to the webmail page around it, as the content script read it into the page's query
 * (lib/webmail/gmail-look.ts): base.css keys its dark palette and compact spacing on these attributes. Read before the
 * first render, so a dark Gmail never flashes a light sidebar.
 */
export function showPageLook(query: string, root: HTMLElement): void {
  const params = new URLSearchParams(query);
  root.dataset.theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  root.dataset.density = params.get('density') === 'compact' ? 'compact' : 'comfortable';
}
