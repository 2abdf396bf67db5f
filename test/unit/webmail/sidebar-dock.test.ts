import { findSidePanelDock, type SidePanelDock } from '@/lib/content/sidebar-dock';
import { gmailFixtureHtml } from '../../fixtures/gmail';

const ACTIVE = 'aT5-aOt-I-KO';

/** Puts a fixture's body into the test's document, without its scripts: the tests play Gmail's part themselves. */
function showPage(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.body.replaceWith(document.importNode(parsed.body, true));
}

const q = (selector: string) => document.querySelector<HTMLElement>(selector)!;
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('findSidePanelDock', () => {
  let controller: AbortController;
  let stepAside: ReturnType<typeof vi.fn<() => void>>;
  let dock: SidePanelDock;
  let panel: HTMLElement;

  beforeEach(async () => {
    controller = new AbortController();
    stepAside = vi.fn<() => void>();
    showPage(gmailFixtureHtml('thread-expanded'));
    dock = (await findSidePanelDock(document, stepAside, controller.signal))!;
    panel = document.createElement('sidecar-crm-root');
  });
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
  });

  it('finds Gmail’s icon strip for the toggle', () => {
    expect(dock.strip).toBe(q('.brC-aT5-aOt-Jw'));
  });

  it('opens in the column: the wrapper shows the panel alone, the main column and the compose spacer make room', () => {
    const resized = vi.fn();
    window.addEventListener('resize', resized, { signal: controller.signal });
    dock.open(panel, 340);
    const wrapper = q('.WN9Ejb');
    expect(panel.parentElement).toBe(wrapper);
    expect(wrapper.style.getPropertyValue('display')).toBe('block');
    expect(wrapper.style.getPropertyPriority('display')).toBe('important');
    expect(q('.brC-brG').style.display).toBe('none');
    // happy-dom lays nothing out, so Gmail's rail measures 0 px here.
    expect(q('.ar4').style.width).toBe('calc(100% - 340px)');
    expect([...document.querySelectorAll<HTMLElement>('.dw > .jAmAWb')].pop()?.style.width).toBe('406px');
    expect(resized).toHaveBeenCalledTimes(1);
  });

  it('closes Gmail’s open panel with a whole press on its icon', () => {
    const icon = q('.aT5-aOt-I');
    icon.classList.add(ACTIVE);
    const events: string[] = [];
    for (const type of ['mousedown', 'mouseup', 'click']) icon.addEventListener(type, (e) => events.push(e.type));
    dock.open(panel, 340);
    expect(events).toEqual(['mousedown', 'mouseup', 'click']);
  });

  it('gives back what it set on close, but leaves what Gmail has set since', () => {
    dock.open(panel, 340);
    q('.ar4').style.width = 'calc(100% - 356px)';
    dock.close();
    expect(q('.WN9Ejb').style.display).toBe('');
    expect(q('.brC-brG').style.display).toBe('');
    expect(q('.ar4').style.width).toBe('calc(100% - 356px)');
    expect([...document.querySelectorAll<HTMLElement>('.dw > .jAmAWb')].pop()?.style.width).toBe('66px');
    // The panel stays where it was, hidden by its owner, so it is not loaded again when it reopens.
    expect(panel.parentElement).toBe(q('.WN9Ejb'));
  });

  it('steps aside when Gmail makes one of its icons the active one, and only while open', async () => {
    const icon = q('.aT5-aOt-I');
    icon.classList.add(ACTIVE);
    await microtasks();
    expect(stepAside).not.toHaveBeenCalled();
    dock.open(panel, 340);
    icon.classList.remove(ACTIVE);
    await microtasks();
    expect(stepAside).not.toHaveBeenCalled();
    icon.classList.add(ACTIVE);
    await microtasks();
    expect(stepAside).toHaveBeenCalledTimes(1);
  });

  it('finds the content container again after Gmail replaced it', () => {
    dock.open(panel, 340);
    dock.close();
    const fresh = document.createElement('div');
    fresh.className = 'brC-brG';
    q('.brC-brG').replaceWith(fresh);
    dock.open(panel, 340);
    expect(fresh.style.display).toBe('none');
    expect(panel.parentElement).toBe(q('.WN9Ejb'));
  });

  it('gives the page back and stops watching when the content script ends', async () => {
    dock.open(panel, 340);
    controller.abort();
    expect(q('.WN9Ejb').style.display).toBe('');
    expect(q('.ar4').style.width).toBe('calc(100% - 56px)');
    q('.aT5-aOt-I').classList.add(ACTIVE);
    await microtasks();
    expect(stepAside).not.toHaveBeenCalled();
  });
});

describe('findSidePanelDock without the column', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('waits a second for it once the main pane is there, then says once that the sidebar floats', async () => {
    vi.useFakeTimers();
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    showPage(gmailFixtureHtml('thread-expanded', { sidePanel: false }));
    const found = findSidePanelDock(document, () => undefined, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await found).toBeNull();
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toMatch(/floats/);
  });

  it('docks when Gmail builds the column after the content script started', async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const found = findSidePanelDock(document, () => undefined, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(3000);
    showPage(gmailFixtureHtml('list-inbox'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await found).not.toBeNull();
  });
});
