import type { browser as browserApi } from 'wxt/browser';
import { dashboardPath } from '../dashboard/links';
import { getSettings } from '../db/config';
import type { CrmDb } from '../db/schema';
import { MAX_CAPTURE_CHARS } from '../forms/capture';
import { translate } from '../i18n/translate';

export const CAPTURE_MENU_ID = 'sidecar-capture';

type Browser = typeof browserApi;
type ClickInfo = { menuItemId: string | number; selectionText?: string; pageUrl?: string };

/**
 * "Add to Sidecar" on a selection in any page. The browser hands over the selected text with the click, so nothing
 * is injected into the page and no host permission is needed; activeTab lets the worker read that one tab's title
 * (for the contact's first note) because the rep asked. The dashboard page parses the text and shows the form.
 */
export class CaptureMenu {
  constructor(
    private readonly browser: Browser,
    private readonly database: () => Promise<CrmDb>,
  ) {}

  /** Registered at once, as MV3 wants for a worker woken by the click. */
  listen(): void {
    this.browser.contextMenus.onClicked.addListener((info, tab) => void this.clicked(info, tab));
  }

  /** Firefox forgets menus when it restarts and the title follows the rep's language: made afresh at each start. */
  async show(): Promise<void> {
    const { language } = await getSettings(await this.database());
    await this.browser.contextMenus.removeAll();
    this.browser.contextMenus.create({
      id: CAPTURE_MENU_ID,
      title: translate(language, 'capture_menu'),
      contexts: ['selection'],
    });
  }

  async clicked(info: ClickInfo, tab?: { url?: string; title?: string }): Promise<void> {
    if (info.menuItemId !== CAPTURE_MENU_ID) return;
    const capture = {
      text: (info.selectionText ?? '').slice(0, MAX_CAPTURE_CHARS),
      page: (info.pageUrl ?? tab?.url ?? '').slice(0, 2000),
      title: (tab?.title ?? '').slice(0, 300),
    };
    await this.browser.tabs.create({
      url: this.browser.runtime.getURL(dashboardPath('capture', JSON.stringify(capture))),
    });
  }
}
