import { findOutlookDock } from '@/lib/content/outlook-dock';
import { OUTLOOK_FIXTURES } from '../../fixtures/outlook';

function showPage(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

const app = () => document.getElementById('appRoot')!;

describe('findOutlookDock', () => {
  it('narrows Outlook’s whole app for a rail, and for the panel beside it when open, and gives all back', async () => {
    showPage(OUTLOOK_FIXTURES.thread.html);
    app().style.setProperty('width', '100%');
    const controller = new AbortController();
    const dock = (await findOutlookDock(document, controller.signal))!;
    expect(dock.strip.isConnected).toBe(true);
    expect(app().style.getPropertyValue('width')).toBe('calc(100% - 56px)');

    const panel = document.createElement('sidecar-crm-root');
    dock.open(panel, 340);
    expect(panel.parentElement?.style.display).toBe('block');
    expect(app().style.getPropertyValue('width')).toBe('calc(100% - 396px)');
    expect(app().style.getPropertyValue('right')).toBe('396px');
    // Nothing of Outlook's is moved into the panel or covered by it: the reading pane stays in the app.
    expect(app().contains(document.querySelector('main'))).toBe(true);

    dock.close();
    expect(panel.parentElement?.style.display).toBe('none');
    expect(app().style.getPropertyValue('width')).toBe('calc(100% - 56px)');

    controller.abort();
    expect(app().style.getPropertyValue('width')).toBe('100%');
    expect(app().style.getPropertyValue('right')).toBe('');
    expect(dock.strip.isConnected).toBe(false);
  });

  it('gives up, floating, on a page where Outlook built no app', async () => {
    showPage('<!doctype html><title>Outlook</title><div>Loading…</div>');
    vi.useFakeTimers();
    const found = findOutlookDock(document, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(20_000);
    vi.useRealTimers();
    expect(await found).toBeNull();
  });
});
