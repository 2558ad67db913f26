/**
 * Helpers for the xlsx host tests: run `generate` in memory, and list the zip entries the writer may not
 * touch that changed (local record compared byte for byte: header, compressed data, descriptor).
 */
import { runEngine } from "../../src/esg/engine";
import type { SheetModel } from "../../src/esg/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { openPackage, relsOf, relsPathOf, resolveTarget } from "../../src/workbook/xlsx/package";
import { markerSection } from "../../src/workbook/xlsx/reader";
import { readWorkbookPart } from "../../src/workbook/xlsx/workbookPart";
import { readZip, type ZipArchive, type ZipEntry } from "../../src/workbook/xlsx/zip";

export const NOW = "2025-01-01T00:00:00.000Z";

export interface GenerateRun {
  readonly output: Buffer;
  readonly sheets: readonly SheetModel[];
}

/** What `esg generate` does, minus the file system. */
export async function generateRun(
  input: Buffer,
  label: string,
  options: { readonly now?: string; readonly valuesOnly?: boolean } = {},
): Promise<GenerateRun> {
  const host = await XlsxHost.fromBuffer(input, label);
  const now = options.now ?? NOW;
  const result = runEngine(await host.read(), { now, ...(options.valuesOnly ? { valuesOnly: true } : {}) });
  host.setOptions({ valuesOnly: result.options.valuesOnly });
  await host.write(result.sheets, {
    at: now,
    host: "xlsx",
    sections: result.options.sections,
    language: result.options.language,
    valuesOnly: result.options.valuesOnly,
    sheets: result.sheets.map((s) => s.name),
    sourceNames: result.sourceNames,
  });
  return { output: await host.toBuffer(), sheets: result.sheets };
}

export async function generateInto(input: Buffer, label: string): Promise<Buffer> {
  return (await generateRun(input, label)).output;
}

/**
 * Paths of the parts the writer owns in a package: the generated sheets (with their .rels) and what
 * their relationships reach (their drawings and charts, with theirs).
 */
function generatedParts(buffer: Buffer): string[] {
  const pkg = openPackage(buffer, "x");
  const part = readWorkbookPart(pkg);
  const marked = new Set(part.names.filter((n) => markerSection(n) !== null).map((n) => n.localSheetId));
  const owned = new Set<string>();
  const queue = part.sheets.flatMap((s, i) => (marked.has(i) && s.path ? [s.path] : []));
  while (queue.length) {
    const path = queue.pop()!;
    if (owned.has(path)) continue;
    owned.add(path);
    owned.add(relsPathOf(path));
    for (const r of relsOf(pkg, path)) if (!r.external) queue.push(resolveTarget(path, r.target));
  }
  return [...owned];
}

/** Parts the writer may edit besides the generated sheets. */
function editableParts(buffer: Buffer): string[] {
  const pkg = openPackage(buffer, "x");
  const part = readWorkbookPart(pkg);
  const out = ["[Content_Types].xml", part.path, relsPathOf(part.path), "docProps/app.xml"];
  for (const r of part.rels)
    if (r.type.endsWith("/styles") || r.type.endsWith("/calcChain"))
      out.push(resolveTarget(part.path, r.target));
  return out;
}

const record = (zip: ZipArchive, e: ZipEntry): Buffer =>
  zip.buffer.subarray(e.localOffset, e.localOffset + e.localLength);

/** Entries outside what the writer may touch that are missing or not byte-identical in the output. */
export async function untouchedEntriesIdentical(input: Buffer, output: Buffer): Promise<string[]> {
  const a = readZip(input, "input");
  const b = readZip(output, "output");
  const allowed = new Set([...generatedParts(input), ...generatedParts(output), ...editableParts(input)]);
  const problems: string[] = [];
  for (const e of a.entries) {
    if (allowed.has(e.name)) continue;
    const f = b.byName.get(e.name);
    if (!f) problems.push(`${e.name}: missing`);
    else if (!record(a, e).equals(record(b, f))) problems.push(`${e.name}: changed`);
  }
  return problems;
}

/** How many entries of the input came out byte-identical. */
export function identicalCount(input: Buffer, output: Buffer): { identical: number; total: number } {
  const a = readZip(input, "input");
  const b = readZip(output, "output");
  let identical = 0;
  for (const e of a.entries) {
    const f = b.byName.get(e.name);
    if (f && record(a, e).equals(record(b, f))) identical++;
  }
  return { identical, total: a.entries.length };
}
