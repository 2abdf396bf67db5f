import type { SidePanelDock } from './sidebar-dock';

/**
 * The sidebar's place on the webmail page: an extension-origin iframe (so CRM data never enters the page's DOM)
 * and a toggle button, each inside a shadow root so neither page CSS nor ours leaks across. The roots are open: they
 * hold no CRM data (that stays in the iframe), and assistive tools and tests can then reach the toggle.
 * Docked (./sidebar-dock.ts), the frame opens in Gmail's side-panel column and the toggle sits among Gmail's panel
 * icons; without a dock, both float over the right edge of the page.
 */
export interface SidebarFrame {
  /** The extension's sidebar page, for the content script to link to (lib/webmail/sidebar-link.ts). */
  readonly iframe: HTMLIFrameElement;
  setCollapsed(collapsed: boolean): void;
  destroy(): void;
}

const WIDTH = 340;
const TOP = 64;

// Written minified: this text ships in the content script, which must stay small.
const PANEL_STYLE = `:host{all:initial;box-sizing:border-box;position:fixed;top:${TOP}px;right:0;bottom:0;width:${WIDTH}px;\
z-index:2147483000;box-shadow:-2px 0 8px #0003;background:#fff;border-left:1px solid #dadce0}\
:host([dock]){position:static;display:block;height:100%}:host([hidden]){display:none}\
iframe{border:0;width:100%;height:100%;display:block;color-scheme:normal}`;

const TOGGLE_STYLE = `:host{all:initial}button{position:fixed;top:${TOP + 96}px;z-index:2147483001;width:28px;height:64px;\
border:1px solid #dadce0;border-right:0;border-radius:8px 0 0 8px;background:#1a73e8;color:#fff;\
font:600 14px/1 system-ui,sans-serif;cursor:pointer;writing-mode:vertical-rl;padding:0}\
:host([dock]) button{position:static;margin:8px;width:40px;height:40px;border-radius:50%;writing-mode:initial;\
font-size:11px}button:focus-visible{outline:3px solid #fbbc04;outline-offset:2px}`;

export function mountSidebarFrame(
  doc: Document,
  options: {
    src: string;
    collapsed: boolean;
    labels: { open: string; close: string };
    onToggle(collapsed: boolean): void;
    dock?: SidePanelDock | null;
  },
): SidebarFrame {
  const { dock, labels } = options;
  const host = (name: string, css: string, child: Element) => {
    const element = doc.createElement(name);
    const style = doc.createElement('style');
    style.textContent = css;
    element.attachShadow({ mode: 'open' }).append(style, child);
    if (dock) element.setAttribute('dock', '');
    return element;
  };
  const frame = doc.createElement('iframe');
  frame.src = options.src;
  frame.title = 'Sidecar CRM';
  frame.setAttribute('allow', '');
  const panel = host('sidecar-crm-root', PANEL_STYLE, frame);
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.textContent = 'CRM';
  const toggleHost = host('sidecar-crm-toggle', TOGGLE_STYLE, toggle);

  let collapsed = options.collapsed;
  const render = () => {
    panel.hidden = collapsed;
    const label = collapsed ? labels.open : labels.close;
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', label);
    toggle.title = label;
    if (!dock) toggle.style.right = collapsed ? '0' : `${WIDTH}px`;
    // Docked, the frame joins Gmail's page only when first opened: a sidebar kept folded costs the page nothing.
    else if (collapsed) dock.close();
    else dock.open(panel, WIDTH);
  };
  toggle.addEventListener('click', () => {
    collapsed = !collapsed;
    render();
    options.onToggle(collapsed);
  });
  if (dock) dock.strip.append(toggleHost);
  else doc.documentElement.append(panel, toggleHost);
  render();

  return {
    iframe: frame,
    setCollapsed(next) {
      collapsed = next;
      render();
    },
    destroy() {
      panel.remove();
      toggleHost.remove();
    },
  };
}
