/**
 * No import cycle in the engine (issue 9): every relative import of src/esg is read with TypeScript's own
 * pre-processor (ts.preProcessFile, type-only imports included) and the graph's strongly connected
 * components are listed (Tarjan). A cycle is printed as the files on it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

const ROOT = resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The file a relative specifier resolves to (as moduleResolution "node" does), or null. */
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(c)) return c;
  return null;
}

export function importGraph(files: readonly string[], read: (f: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(read(f), true, true);
    graph.set(
      f,
      info.importedFiles
        .map((i) => i.fileName)
        .filter((s) => s.startsWith("."))
        .map((s) => resolveImport(f, s))
        .filter((t): t is string => t !== null && files.includes(t)),
    );
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("import cycles", () => {
  it("src/esg has none", () => {
    const files = filesUnder(join(ROOT, "esg"));
    expect(files.length).toBeGreaterThan(50);
    const found = cycles(importGraph(files, (f) => readFileSync(f, "utf8"))).map((c) =>
      c.map((f) => relative(ROOT, f)),
    );
    expect(found).toEqual([]);
  });

  it("finds a cycle through three files and a type-only import", () => {
    const src: Record<string, string> = {
      [join(ROOT, "esg/x/a.ts")]: `import { b } from "./b";`,
      [join(ROOT, "esg/x/b.ts")]: `import type { C } from "./c";`,
      [join(ROOT, "esg/x/c.ts")]: `export { a } from "./a";`,
      [join(ROOT, "esg/x/d.ts")]: `import { a } from "./a";`,
    };
    // resolveImport looks at the disk; these files are virtual, so resolve by name instead.
    const files = Object.keys(src);
    const graph = new Map(
      files.map((f) => [
        f,
        ts
          .preProcessFile(src[f], true, true)
          .importedFiles.map((i) => join(dirname(f), `${i.fileName}.ts`))
          .filter((t) => files.includes(t)),
      ]),
    );
    expect(cycles(graph).map((c) => c.map((f) => f.slice(-4)))).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
