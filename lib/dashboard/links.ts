/**
 * The dashboard's address is its hash, so a link from the popup or the sidebar (dashboard.html#/deal/<id>) opens the
 * right page and the browser's back button works without a server.
 */
export interface Route {
  /** The first path segment: "" for home, "board", "contact", … */
  name: string;
  /** The second segment when there is one (a record id), decoded. */
  param: string | null;
}

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

export function hashFor(name: string, param?: string | null): string {
  return param ? `#/${name}/${encodeURIComponent(param)}` : `#/${name}`;
}
