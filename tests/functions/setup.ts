/**
 * Stands in for the `CustomFunctions` global of Excel's custom-functions runtime, which does not exist
 * under jest. Import it first in every test of src/functions. Errors keep their code and message so
 * tests can read what Excel would show.
 */
export class FakeExcelError {
  constructor(
    readonly code?: string,
    readonly message?: string,
  ) {}
}

export const associated: Array<[string, unknown]> = [];

(globalThis as any).CustomFunctions = {
  Error: FakeExcelError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  },
  associate: (id: string, fn: unknown) => associated.push([id, fn]),
};

/** What a cell shows: the number or text, or the error code. */
export type Shown = number | string | { error: string; message?: string };

function show(v: unknown): Shown {
  if (v instanceof FakeExcelError)
    return v.message === undefined ? { error: v.code ?? "" } : { error: v.code ?? "", message: v.message };
  if (typeof v === "number" || typeof v === "string") return v;
  throw new Error(`unexpected cell ${JSON.stringify(v)}`);
}

/**
 * Calls a custom function as Excel would and returns what the cells show: a matrix for a spilled
 * result, or a single value/error for a 1 × 1 result or a thrown CustomFunctions.Error. Any other
 * exception fails the test (Excel would show a bare #VALUE!).
 */
export function excel(fn: (...args: any[]) => unknown, ...args: unknown[]): Shown | Shown[][] {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    if (e instanceof FakeExcelError) return show(e);
    throw e;
  }
  if (!Array.isArray(out) || !out.every((row) => Array.isArray(row)))
    throw new Error(`not a matrix: ${JSON.stringify(out)}`);
  const rows = out as unknown[][];
  if (rows.length === 1 && rows[0].length === 1) return show(rows[0][0]);
  return rows.map((row) => row.map(show));
}

/** The error code a result shows, or undefined when it is not an error. */
export function errorOf(s: Shown | Shown[][]): string | undefined {
  return typeof s === "object" && !Array.isArray(s) ? s.error : undefined;
}
