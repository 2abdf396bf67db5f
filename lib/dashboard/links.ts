import { OUTLOOK_HOSTS, outlookThreadOf } from '../model/webmail-thread';

/**
 * Every address the CRM links to, built in one place: the dashboard's pages and the threads in Gmail and Outlook.
 *
 * The dashboard's address is its hash, so a link from the popup or the sidebar (dashboard.html#/deal/<id>) opens the
 * right page and the browser's back button works without a server.
 */
export interface Route {
  /** The first path segment: "" for home, "board", "contact", … */
  name: string;
  /** The second segment when there is one (a record id), decoded. */
  param: string | null;
}

/** The dashboard's pages, each the first segment of its hash; the record pages take the record's id after it. */
export type PageName =
  | ''
  | 'board'
  | 'team'
  | 'contacts'
  | 'companies'
  | 'deals'
  | 'tasks'
  | 'import'
  | 'export'
  | 'reports'
  | 'settings'
  | 'templates'
  | 'forms'
  | 'capture'
  | 'contact'
  | 'company'
  | 'deal'
  | 'report'
  | 'service'
  | 'service-kinds'
  | 'competitors'
  | 'competitor'
  | 'winloss'
  | 'plan';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [name = '', param] = path.split('?')[0]!.split('/');
  let decoded: string | null = null;
  if (param) {
    try {
      decoded = decodeURIComponent(param);
    } catch {
      decoded = param;
    }
  }
  return { name: name.toLowerCase(), param: decoded };
}

/** The hash of a dashboard page, for a link inside the dashboard: "#/contacts", "#/deal/<id>". */
export function hashFor(name: PageName, param?: string | null): string {
  return param ? `#/${name}/${encodeURIComponent(param)}` : `#/${name}`;
}

/**
 * The path of the dashboard inside the extension, for runtime.getURL from the popup, the sidebar or the worker:
 * the page when one is named, else the bare dashboard.html (which opens home).
 */
export function dashboardPath(name?: PageName, param?: string | null): `/dashboard.html${string}` {
  return name === undefined ? '/dashboard.html' : `/dashboard.html${hashFor(name, param)}`;
}

/**
 * The thread in the webmail it was seen in. Gmail: in the account (/mail/u/N/) it was seen in; #all finds it whatever
 * its labels are now. Outlook: the conversation's own address (/mail/id/<id>, which opens it from any folder), on
 * the Outlook it came from; Outlook.com numbers its accounts as /mail/N/.
 */
export function webmailThreadUrl(accountIndex: number, threadId: string): string {
  const outlook = outlookThreadOf(threadId);
  if (!outlook) return `https://mail.google.com/mail/u/${accountIndex}/#all/${encodeURIComponent(threadId)}`;
  const account = outlook.host === OUTLOOK_HOSTS.l ? `${accountIndex}/` : '';
  return `https://${outlook.host}/mail/${account}id/${encodeURIComponent(outlook.conversationId)}`;
}
