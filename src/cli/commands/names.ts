/** `esg names <xlsx> [--json]`: every defined name with its scope, refers-to text, status and values. */
import type { NamedItem } from "../../esg/types";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print, printJson, valuesText } from "../output";
import { table } from "../table";

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
  print(
    table(
      [
        { header: "name", max: 32 },
        { header: "scope", max: 20 },
        { header: "status" },
        { header: "refers to", max: 40 },
        { header: "values", max: 50 },
      ],
      read.names.map((n) => [
        n.name + (n.builtIn ? " (built-in)" : "") + (n.hidden ? " (hidden)" : ""),
        n.scope ?? "(workbook)",
        n.status,
        n.refersTo,
        n.note ? `(${n.note})` : valuesText(n.values),
      ]),
    ),
  );
  const counts = new Map<string, number>();
  for (const n of read.names) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  print(`\n${read.names.length} names: ${[...counts].map(([s, c]) => `${c} ${s}`).join(", ")}`);
  return 0;
}
