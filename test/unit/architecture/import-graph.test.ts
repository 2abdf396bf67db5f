import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The house's arrows point down. lib/ is cut into folders, each on a floor: a folder may import from its own floor or
 * the floors below, never above, and no two folders may import each other. components/ stands above lib/, and
 * entrypoints/ above both. A new folder in lib/ must be given a floor here, which is the moment to decide where it
 * belongs.
 */
const FLOORS: Record<string, number> = {
  model: 0,
  time: 0,
  i18n: 0,
  search: 0,
  csv: 0,
  sync: 0,
  stats: 0,
  db: 1,
  webmail: 2,
  dashboard: 2,
  rpc: 3,
  import: 4,
  backup: 4,
  export: 4,
  reports: 4,
  reminders: 4,
  merges: 4,
  team: 4,
  forms: 4,
  service: 4,
  winloss: 4,
  templates: 4,
  plan: 4,
  worker: 5,
  content: 6,
};

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = /\.(ts|tsx)$/;
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return SOURCE.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = normalize(join(dirname(from), specifier));
  else return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    try {
      if (statSync(join(ROOT, base + ext)).isFile()) return base + ext;
    } catch {}
  }
  return base;
}

const files = [...sourcesUnder('lib'), ...sourcesUnder('components'), ...sourcesUnder('entrypoints')];
const edges = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(SPECIFIER)]
      .map((m) => resolveImport(file, m[1] ?? m[2] ?? m[3] ?? ''))
      .filter((t): t is string => t !== null && /\.(ts|tsx)$/.test(t));
    return [file, targets];
  }),
);

const top = (file: string) => file.split('/')[0] ?? '';
const libFolder = (file: string) => (file.startsWith('lib/') ? (file.split('/')[1] ?? '') : null);

/** Strongly connected components of more than one node (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const part: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        part.push(member);
      } while (member !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('the import graph of lib/, components/ and entrypoints/', () => {
  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('has no circle of files', () => {
    expect(circles(edges)).toEqual([]);
  });

  it('gives every folder of lib/ a floor', () => {
    const folders = new Set(files.map(libFolder).filter((f): f is string => f !== null && !f.includes('.')));
    expect([...folders].filter((f) => !(f in FLOORS))).toEqual([]);
  });

  it('has no arrow that runs up', () => {
    const upward: string[] = [];
    const rank = (file: string): number => {
      const layer = top(file);
      if (layer === 'lib') return FLOORS[libFolder(file) ?? ''] ?? 0;
      return layer === 'components' ? 100 : layer === 'entrypoints' ? 200 : 300;
    };
    for (const [from, targets] of edges) {
      for (const to of targets) {
        if (to.startsWith('test/') && from.startsWith('entrypoints/bench/')) continue;
        if (rank(to) > rank(from)) upward.push(`${from} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no two folders of lib/ importing each other', () => {
    const folderGraph = new Map<string, string[]>();
    for (const [from, targets] of edges) {
      const a = libFolder(from);
      if (a === null) continue;
      const list = folderGraph.get(a) ?? [];
      for (const to of targets) {
        const b = libFolder(to);
        if (b !== null && b !== a && !list.includes(b)) list.push(b);
      }
      folderGraph.set(a, list);
    }
    expect(circles(folderGraph)).toEqual([]);
  });

  it('keeps the global browser at the edge', () => {
    const allowed = new Set(['lib/worker/client.ts', 'components/browser.ts']);
    const offenders = files.filter((file) => {
      if (file.startsWith('entrypoints/') || allowed.has(file)) return false;
      const text = readFileSync(join(ROOT, file), 'utf8');
      return /import\s*\{[^}]*\bbrowser\b[^}]*\}\s*from\s*'wxt\/browser'/.test(text);
    });
    expect(offenders.map((f) => relative('.', f))).toEqual([]);
  });
});
