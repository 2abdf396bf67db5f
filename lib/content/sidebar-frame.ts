/**
 * The sidebar's place on the webmail page: an extension-origin iframe (so CRM data never enters the page's DOM)
 * and a toggle button, both inside a shadow root so neither page CSS nor ours leaks across. The root is open: it
 * holds no CRM data (that stays in the iframe), and assistive tools and tests can then reach the toggle.
 */
export interface SidebarFrame {
  /** The extension's sidebar page, for the content script to link to (lib/webmail/sidebar-link.ts). */
  readonly iframe: HTMLIFrameElement;
  setCollapsed(collapsed: boolean): void;
  destroy(): void;
}

const WIDTH = 340;
const TOP = 64;

const STYLE = `
:host { all: initial; }
.panel { position: fixed; top: ${TOP}px; right: 0; bottom: 0; width: ${WIDTH}px; z-index: 2147483000;
  box-shadow: -2px 0 8px rgba(0,0,0,.15); background: #fff; border-left: 1px solid #dadce0; }
.panel[hidden] { display: none; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
.toggle { position: fixed; top: ${TOP + 96}px; z-index: 2147483001; width: 28px; height: 64px; border: 1px solid #dadce0;
  border-right: 0; border-radius: 8px 0 0 8px; background: #1a73e8; color: #fff; font: 600 14px/1 system-ui, sans-serif;
  cursor: pointer; writing-mode: vertical-rl; padding: 0; }
.toggle:focus-visible { outline: 3px solid #fbbc04; outline-offset: 2px; }
`;

export function mountSidebarFrame(
  doc: Document,
  options: {
    src: string;
    collapsed: boolean;
    labels: { open: string; close: string };
    onToggle(collapsed: boolean): void;
  },
): SidebarFrame {
  const host = doc.createElement('sidecar-crm-root');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const frame = doc.createElement('iframe');
  frame.src = options.src;
  frame.title = 'Sidecar CRM';
  frame.setAttribute('allow', '');
  panel.append(frame);
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'toggle';
  toggle.textContent = 'CRM';
  shadow.append(style, panel, toggle);

  let collapsed = options.collapsed;
  const render = () => {
    panel.hidden = collapsed;
    toggle.style.right = collapsed ? '0' : `${WIDTH}px`;
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', collapsed ? options.labels.open : options.labels.close);
    toggle.title = collapsed ? options.labels.open : options.labels.close;
  };
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    render();
    options.onToggle(collapsed);
  });
  render();
  doc.documentElement.append(host);

  return {
    iframe: frame,
    setCollapsed(next) {
      collapsed = next;
      render();
    },
    destroy() {
      host.remove();
    },
  };
}
