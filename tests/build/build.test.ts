/**
 * The production build, run through webpack's API into a temporary directory (no certificates, no
 * network): it emits every file the manifest points at, the task pane page carries the shared
 * runtime's three bundles, office.js from Microsoft's CDN and a strict CSP, and the metadata files
 * agree with each other.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { EMITTED } from "../manifest/emitted";
import { CHROMIUM, runUnderOfficeJs } from "./chromium-office";
import { defineHostError, officeRuntimeContext } from "./office-runtime";

const ROOT = join(__dirname, "../..");
let out: string;
/** Each chunk's name and the src/ modules in it (paths from the root). */
let layout: Map<string, string[]>;

jest.setTimeout(300_000);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "esg-build-"));
  const webpack = require("webpack");
  const configure = require(join(ROOT, "webpack.config.js"));
  const config = await configure({ WEBPACK_BUILD: true }, { mode: "production" });
  config.output.path = out;
  const stats = await new Promise<any>((resolve, reject) =>
    webpack({ ...config, mode: "production" }, (err: Error | null, s: any) =>
      err ? reject(err) : resolve(s),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  // Each chunk's modules from the compilation itself (a concatenated module lists the ones it holds).
  type Built = { resource?: string; modules?: Iterable<Built> };
  const { chunks, chunkGraph } = stats.compilation;
  layout = new Map(
    [...chunks].map((c: { name: string }) => [
      c.name,
      (chunkGraph.getChunkModules(c) as Built[])
        .flatMap((m) => (m.modules ? [...m.modules] : [m]))
        .map((m) => relative(ROOT, m.resource ?? ""))
        .filter((r) => r.startsWith("src/")),
    ]),
  );
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const read = (f: string) => readFileSync(join(out, f), "utf8");

describe("npm run build", () => {
  it("emits every file the manifest points at, and the manifest itself", () => {
    for (const f of [...EMITTED, "manifest.xml", "shared.js", "taskpane.js", "commands.js"])
      expect([f, existsSync(join(out, f))]).toEqual([f, true]);
  });

  it("puts the taskpane, functions and commands bundles on the task pane page (the shared runtime)", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "shared.js",
      "taskpane.js",
      "functions.js",
      "commands.js",
    ]);
  });

  it("keeps no module of ours in two of the task pane page's bundles but functions.js, which stays whole", () => {
    const onPage = ["shared", "taskpane", "commands"].map((c) => [c, layout.get(c) ?? []] as const);
    const twice = onPage.flatMap(([c, mods], i) =>
      onPage.slice(i + 1).flatMap(([d, others]) => mods.filter((m) => others.includes(m)).map((m) => `${m} in ${c} and ${d}`)),
    );
    expect(twice).toEqual([]);
    expect(layout.get("shared")).toEqual(expect.arrayContaining(["src/esg/analyse.ts", "src/esg/catalog.ts"]));
  });

  it("loads the views other than Data on demand: views.js, named by no page", () => {
    expect(layout.get("views")).toEqual(
      expect.arrayContaining(["src/taskpane/views/ChecksView.tsx", "src/taskpane/views/SettingsView.tsx"]),
    );
    expect(layout.get("taskpane")).toContain("src/taskpane/views/DataView.tsx");
    expect(layout.get("taskpane")).not.toContain("src/taskpane/views/ChecksView.tsx");
    for (const page of ["taskpane.html", "commands.html", "dialog.html"]) expect(read(page)).not.toMatch(/views\.js/);
    expect(existsSync(join(out, "views.js"))).toBe(true);
  });

  it("loads the disclosure builders on demand: generate.js, named by no page; the analysis stays on the page", () => {
    expect(layout.get("generate")).toEqual(
      expect.arrayContaining(["src/use-cases/generate.ts", "src/esg/engine.ts", "src/esg/disclosures/index.ts"]),
    );
    for (const c of ["shared", "taskpane", "commands"])
      expect([c, layout.get(c)?.filter((m) => m === "src/esg/engine.ts" || m === "src/esg/disclosures/index.ts")]).toEqual([c, []]);
    for (const page of ["taskpane.html", "commands.html", "dialog.html"]) expect(read(page)).not.toMatch(/generate\.js/);
    expect(existsSync(join(out, "generate.js"))).toBe(true);
  });

  it("allows scripts from the add-in and Microsoft's office.js host only", () => {
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(read("taskpane.html"))![1];
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(JSON.stringify(directives)).not.toMatch(/unsafe-eval|\*/);
    // no eval-based code in the bundles either (the CSP would block it)
    expect(read("functions.js")).not.toMatch(/\beval\(/);
  });

  it("appends the CustomFunctions.associate calls for every function to functions.js", () => {
    const ids = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
    const js = read("functions.js");
    for (const id of ids) expect(js).toContain(`associate("${id}"`);
  });

  it("writes functions.zh-TW.json with the same ids as functions.json", () => {
    const en = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
    const zh = JSON.parse(read("functions.zh-TW.json")).functions;
    expect(zh.map((f: { id: string }) => f.id)).toEqual(en);
    expect(zh.every((f: { name: string }) => /[\u4e00-\u9fff]/.test(f.name))).toBe(true);
  });

  it("emits the commands' result dialog with its own script and the same strict CSP", () => {
    const html = read("dialog.html");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "dialog.js"]);
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(existsSync(join(out, "dialog.js"))).toBe(true);
  });

  it("copies the manifest unchanged when no deployment URL is set", () => {
    expect(read("manifest.xml")).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  });

  it("loads functions.js outside Excel without throwing", () => {
    const js = read("functions.js");
    expect(() => new Function("self", js)(globalThis)).not.toThrow();
  });

  it("writes allowErrorForDataTypeAny into functions.json and its Traditional Chinese copy", () => {
    expect(JSON.parse(read("functions.json")).allowErrorForDataTypeAny).toBe(true);
    expect(JSON.parse(read("functions.zh-TW.json")).allowErrorForDataTypeAny).toBe(true);
  });
});

describe("functions.js in Excel's shared runtime, before office.js has loaded its host script", () => {
  // office.js's own CustomFunctions (associate only, no Error yet): see office-runtime.ts.
  it("associates every function, which compute, and makes errors of CustomFunctions.Error once it exists", () => {
    const ids: string[] = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
    expect(ids.length).toBe(11);
    const page = officeRuntimeContext();
    expect(page.run("typeof CustomFunctions.Error")).toBe("undefined");
    page.run(read("functions.js"));
    expect(page.associated().sort()).toEqual(ids.map((id) => id.toUpperCase()).sort());
    expect(page.fn("INTENSITY")([[1200]], [[400]], null)).toEqual([[3]]);

    // The host script arrives and adds CustomFunctions.Error; the functions' errors are its instances.
    const HostError = defineHostError(page);
    // A range gives one result per cell, an error among them; a single cell's error is thrown.
    const div0 = page.fn("INTENSITY")([[1], [6]], [[0], [2]], null) as unknown[][];
    expect(div0[1][0]).toBe(3);
    expect(div0[0][0]).toBeInstanceOf(HostError);
    expect((div0[0][0] as { code: string }).code).toBe("#DIV/0!");
    let thrown: unknown;
    try {
      page.fn("INTENSITY")([[1]], [[0]], null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HostError);
    expect((thrown as { code: string }).code).toBe("#DIV/0!");
    // An error cell passed in (allowErrorForDataTypeAny) propagates as that error.
    const input = page.run('new CustomFunctions.Error("#N/A")');
    const na = page.fn("INTENSITY")([[input], [4]], [[2], [2]], null) as unknown[][];
    expect(na[0][0]).toBeInstanceOf(HostError);
    expect((na[0][0] as { code: string }).code).toBe("#N/A");
  });
});

const inChromium = existsSync(CHROMIUM) ? it : it.skip;
if (!existsSync(CHROMIUM)) console.warn(`office.js end-to-end check skipped: ${CHROMIUM} is missing.`);

describe("functions.js under the real office.js and its Excel on the web host script, in Chromium", () => {
  inChromium("associates every function before CustomFunctions.Error exists; errors are its instances once it does", async () => {
    const ids: string[] = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
    const r = await runUnderOfficeJs(out);
    expect(r.atLoad).toEqual({ error: "undefined", associated: ids.length });
    expect(r.later).toEqual({ error: "function", associated: ids.map((id) => id.toUpperCase()).sort() });
    expect(r.intensity).toEqual({ value: 3, errorInstance: true, code: "#DIV/0!" });
    expect(r.offline).toEqual([]);
  });
});
