/**
 * manifest.xml, checked offline: it parses with office-addin-manifest, every resource id it uses is
 * defined, ids/strings/URLs obey the schema's limits, the shared runtime is wired consistently, and
 * the icons are real PNGs of their stated sizes. (`npm run validate` asks Microsoft's service too.)
 */
import { readFileSync } from "fs";
import { join } from "path";
import { inflateSync } from "zlib";
import { XMLParser } from "fast-xml-parser";
import { execFileSync } from "child_process";
import { ACTION_IDS } from "../../src/commands/actions";
import { EMITTED } from "./emitted";

const ROOT = join(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const BASE = "https://localhost:3000/";

const xml = readFileSync(MANIFEST, "utf8");
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true }).parse(
  xml,
);

type Node = { [tag: string]: Node[] } & { ":@"?: Record<string, string> };
const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ":@")!;
const kids = (n: Node): Node[] => (n[tagOf(n)] as Node[]) ?? [];
const attr = (n: Node, a: string) => n[":@"]?.["@" + a];
function* walk(nodes: Node[], path: string[] = []): Generator<{ node: Node; path: string[] }> {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === "#text" || t === "?xml" || t === "#comment") continue;
    yield { node: n, path: [...path, t] };
    yield* walk(kids(n), [...path, t]);
  }
}
const all = [...walk(doc as Node[])];
const byTag = (t: string) => all.filter((x) => x.path[x.path.length - 1] === t);
const text = (n: Node) => String((kids(n).find((k) => tagOf(k) === "#text") as any)?.["#text"] ?? "");
const root = all.find((x) => x.path.length === 1)!.node;
const childTags = (n: Node) =>
  kids(n)
    .map(tagOf)
    .filter((t) => t !== "#text" && t !== "#comment");

/** Resources: id → kind and the strings/URLs it holds (default and overrides). */
const resources = new Map<string, { kind: string; values: string[]; locales: string[] }>();
for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
  for (const { node, path } of byTag(kind)) {
    if (path[path.length - 2] === "Icon") continue; // <Icon><bt:Image size resid/> is a reference, not a resource
    const overrides = kids(node).filter((k) => tagOf(k) === "bt:Override");
    const group = path[path.length - 2];
    resources.set(attr(node, "id")!, {
      kind: kind === "bt:String" ? group : kind,
      values: [attr(node, "DefaultValue")!, ...overrides.map((o) => attr(o, "Value")!)],
      locales: overrides.map((o) => attr(o, "Locale")!),
    });
  }
}

describe("manifest.xml", () => {
  it("parses with office-addin-manifest as an Excel task pane add-in", () => {
    // In a child process: office-addin-manifest loads an ES-module-only dependency (strip-bom) that
    // jest's CommonJS runtime cannot require, while Node itself can.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
    const info = JSON.parse(
      execFileSync(process.execPath, ["-e", script, MANIFEST], { cwd: ROOT, encoding: "utf8" }),
    );
    expect(info.manifestType).toBe("xml");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultLocale).toBe("en-US");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.appDomains ?? []).toEqual([]);
    expect(info.defaultSettings?.sourceLocation).toBe(BASE + "taskpane.html");
  });

  it("keeps the schema's order of the base elements", () => {
    const order = [
      "Id",
      "AlternateID",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ];
    const seen = childTags(root);
    expect(seen.every((t) => order.includes(t))).toBe(true);
    expect([...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(seen);
    expect(attr(root, "xmlns:xsi")).toBe("http://www.w3.org/2001/XMLSchema-instance");
  });

  it("asks for ReadWriteDocument only, and no AppDomains", () => {
    expect(byTag("Permissions").map((x) => text(x.node))).toEqual(["ReadWriteDocument"]);
    expect(byTag("AppDomains")).toHaveLength(0);
    expect(byTag("AppDomain")).toHaveLength(0);
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2", () => {
    const sets = Object.fromEntries(
      byTag("Set").map((x) => [attr(x.node, "Name"), attr(x.node, "MinVersion")]),
    );
    expect(sets).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" });
  });

  it("wires one long-lived shared runtime: Runtimes first, functions page, FunctionFile and pane on the same URL, no TaskpaneId", () => {
    const host = byTag("Host").find((x) => attr(x.node, "xsi:type") === "Workbook")!.node;
    expect(childTags(host)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const runtime = byTag("Runtime")[0].node;
    expect(attr(runtime, "lifetime")).toBe("long");
    const rt = attr(runtime, "resid");
    expect(rt).toBe("Taskpane.Url");
    const cf = byTag("ExtensionPoint").find((x) => attr(x.node, "xsi:type") === "CustomFunctions")!.node;
    expect(childTags(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const page = all.find((x) => x.path.slice(-2).join("/") === "Page/SourceLocation")!.node;
    expect(attr(page, "resid")).toBe(rt);
    expect(attr(byTag("FunctionFile")[0].node, "resid")).toBe(rt);
    for (const a of byTag("Action").filter((x) => attr(x.node, "xsi:type") === "ShowTaskpane")) {
      expect(childTags(a.node)).not.toContain("TaskpaneId");
      expect(
        attr(
          kids(a.node).find((k) => tagOf(k) === "SourceLocation")!,
          "resid",
        ),
      ).toBe(rt);
    }
    expect(byTag("TaskpaneId")).toHaveLength(0);
  });

  it("names the ESG namespace", () => {
    const ns = attr(byTag("Namespace")[0].node, "resid")!;
    expect(resources.get(ns)?.values[0]).toBe("ESG");
  });

  it("has Check data and Generate disclosures buttons that run the registered actions", () => {
    const labels = byTag("Control").map(
      (x) =>
        resources.get(
          attr(
            kids(x.node).find((k) => tagOf(k) === "Label")!,
            "resid",
          )!,
        )!.values[0],
    );
    expect(labels).toEqual(expect.arrayContaining(["Check data", "Generate disclosures"]));
    const fns = byTag("FunctionName").map((x) => text(x.node));
    expect(fns.sort()).toEqual([...ACTION_IDS].sort());
  });

  it("defines every resource id it references, once, within 32 characters, and references every one it defines", () => {
    const refs = all.map((x) => attr(x.node, "resid")).filter((r): r is string => !!r);
    for (const r of refs) expect(resources.has(r)).toBe(true);
    const ids = [...byTag("bt:Image"), ...byTag("bt:Url"), ...byTag("bt:String")]
      .map((x) => attr(x.node, "id"))
      .filter(Boolean) as string[];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(refs).toContain(id);
    }
    for (const r of refs) expect(r.length).toBeLessThanOrEqual(32);
  });

  it("keeps short strings within 125 characters and long strings within 250, with en, zh-TW and zh-HK text", () => {
    for (const [id, r] of resources) {
      const limit = r.kind === "bt:ShortStrings" ? 125 : r.kind === "bt:LongStrings" ? 250 : 2048;
      for (const v of r.values) expect([id, v.length <= limit]).toEqual([id, true]);
      if (r.kind === "bt:LongStrings" || (r.kind === "bt:ShortStrings" && id !== "Functions.Namespace"))
        expect(r.locales.sort()).toEqual(["zh-HK", "zh-TW"]);
    }
    for (const tag of ["DisplayName", "Description"]) {
      const n = byTag(tag).find((x) => x.path.length === 2)!.node;
      const values = [
        attr(n, "DefaultValue")!,
        ...kids(n)
          .filter((k) => tagOf(k) === "Override")
          .map((o) => attr(o, "Value")!),
      ];
      expect(
        kids(n)
          .filter((k) => tagOf(k) === "Override")
          .map((o) => attr(o, "Locale"))
          .sort(),
      ).toEqual(["zh-HK", "zh-TW"]);
      for (const v of values) expect(v.length).toBeLessThanOrEqual(tag === "DisplayName" ? 125 : 250);
    }
  });

  it("points the zh-TW and zh-HK metadata at the localized functions file", () => {
    const meta = resources.get("Functions.Metadata.Url")!;
    expect(meta.values).toEqual([
      BASE + "functions.json",
      BASE + "functions.zh-TW.json",
      BASE + "functions.zh-TW.json",
    ]);
    expect(meta.locales).toEqual(["zh-TW", "zh-HK"]);
  });

  it("uses HTTPS URLs under the add-in's base that map to files the build emits", () => {
    const urls = [
      ...[...resources.values()]
        .filter((r) => r.kind === "bt:Url" || r.kind === "bt:Image")
        .flatMap((r) => r.values),
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((t) =>
        attr(byTag(t)[0].node, "DefaultValue")!,
      ),
      ...byTag("SourceLocation")
        .map((x) => attr(x.node, "DefaultValue"))
        .filter((v): v is string => !!v),
    ];
    for (const u of urls) {
      expect(u.length).toBeLessThanOrEqual(2048);
      expect(u.startsWith(BASE)).toBe(true);
      expect(EMITTED).toContain(u.slice(BASE.length));
    }
  });

  it("has 16, 32 and 80 px button icons and 32/64 px add-in icons that are real PNGs of those sizes", () => {
    const sizes: Record<string, number> = {};
    for (const [id, r] of resources)
      if (r.kind === "bt:Image") sizes[id] = Number(/icon-(\d+)\.png$/.exec(r.values[0])![1]);
    expect(Object.values(sizes).sort((a, b) => a - b)).toEqual([16, 32, 80]);
    for (const x of byTag("Icon")) {
      for (const img of kids(x.node).filter((k) => tagOf(k) === "bt:Image"))
        expect(sizes[attr(img, "resid")!]).toBe(Number(attr(img, "size")));
    }
    expect(attr(byTag("IconUrl")[0].node, "DefaultValue")).toMatch(/icon-32\.png$/);
    expect(attr(byTag("HighResolutionIconUrl")[0].node, "DefaultValue")).toMatch(/icon-64\.png$/);
    for (const size of [16, 32, 64, 80, 128])
      expect(readPng(join(ROOT, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
        pixels: size * size,
      });
  });
});

/** Reads a PNG's header and pixel data, checking the signature, every chunk's CRC and the image size. */
function readPng(file: string): { width: number; height: number; pixels: number } {
  const { crc32 } = require("../../scripts/make-icons");
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  let bytesPerPixel = 0;
  const idat: Buffer[] = [];
  for (;;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString("ascii", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    expect(buf.readUInt32BE(at + 8 + len)).toBe(crc32(buf.subarray(at + 4, at + 8 + len)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      bytesPerPixel = ({ 6: 4, 2: 3 } as Record<number, number>)[data[9]];
    } else if (type === "IDAT") idat.push(data);
    at += 12 + len;
    if (type === "IEND") break;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * bytesPerPixel + 1));
  return { width, height, pixels: (raw.length - height) / bytesPerPixel };
}
