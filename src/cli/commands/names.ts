/**
 * `esg names <xlsx> [--json]`: every defined name with its scope, refers-to text, status and values;
 * notes in full under the table, wrapped to the terminal's width (100 columns in a pipe).
 */
import type { NamedItem, WorkbookRead } from "../../esg/types";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print, printJson, valuesText } from "../output";
import { table, wrap } from "../table";
import { outputWidth } from "./check";

/** The JSON shape of one name (issue 3): values null where the name is not one rectangular area. */
export function nameJson(n: NamedItem): Record<string, unknown> {
  return {
    name: n.name,
    scope: n.scope,
    refersTo: n.refersTo,
    status: n.status,
    sheet: n.sheet,
    address: n.address,
    values: n.values,
    // Why values is null for a name that is ok (a read limit), when it is.
    ...(n.note !== undefined ? { note: n.note } : {}),
  };
}

/**
 * The names as a table, then each note in full (why a name was not read, or its values were clipped),
 * wrapped to `width`: a table cell would cut it. The row of a name with a note says "(note N)".
 */
export function namesText(read: WorkbookRead, width = outputWidth()): string {
  const notes: string[] = [];
  const rows = read.names.map((n) => {
    let values = valuesText(n.values);
    if (n.note !== undefined) {
      notes.push(`${notes.length + 1}. ${n.name}: ${n.note}`);
      values = `(note ${notes.length})${values ? ` ${values}` : ""}`;
    }
    return [
      n.name + (n.builtIn ? " (built-in)" : "") + (n.hidden ? " (hidden)" : ""),
      n.scope ?? "(workbook)",
      n.status,
      n.refersTo,
      values,
    ];
  });
  const lines = [
    table(
      [
        { header: "name", max: 32 },
        { header: "scope", max: 20 },
        { header: "status" },
        { header: "refers to", max: 40 },
        { header: "values", max: 50 },
      ],
      rows,
    ),
  ];
  if (notes.length) {
    lines.push("", "notes:");
    for (const note of notes) {
      const hang = " ".repeat(2 + note.indexOf(" ") + 1);
      wrap(note, width - hang.length).forEach((l, i) => lines.push(`${i === 0 ? "  " : hang}${l}`));
    }
  }
  const counts = new Map<string, number>();
  for (const n of read.names) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  lines.push(`\n${read.names.length} names: ${[...counts].map(([s, c]) => `${c} ${s}`).join(", ")}`);
  return lines.join("\n");
}

export async function namesCommand(file: string, opts: { json?: boolean }): Promise<number> {
  const host = await XlsxHost.open(file);
  const read = await host.read();
  if (opts.json) {
    printJson({ names: read.names.map(nameJson) });
    return 0;
  }
  if (read.names.length === 0) {
    print(`${file}: no defined names`);
    return 0;
  }
  print(namesText(read));
  return 0;
}
