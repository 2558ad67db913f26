/**
 * The fake's calculation: a small evaluator for the formulas the tests write and seed (cell and area
 * references, defined names, arithmetic, comparison, "&", and SUM, INDEX, ROUND, IF, IFERROR, MIN,
 * MAX, AVERAGE, COUNT, ABS, AND, OR, NOT). It stands in for Excel's automatic calculation: a formula
 * cell's value is what Excel would show (Range.values gives a formula cell's result, never its text).
 * A formula it does not understand keeps the value it had (null for a new one): the fake never invents
 * a result; tests that need one use formulas from the list above.
 */
import { parseArea, splitSheetRef, type Area as Rect } from "../../../src/sheet-ref";
import { reportName } from "./name-eval";
import { findSheet, key, type FakeCell, type FakeScalar, type FakeSheet, type FakeWorkbook } from "./state";

interface Area {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}
type Value = FakeScalar | Area;

/** An Excel error value raised while evaluating (caught by IFERROR, else the cell's result). */
class XlError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
/** A formula the fake cannot evaluate. */
class Unsupported extends Error {}

/**
 * A formula cell with no result yet: one entered through the API since the last calculation (writing a
 * formula clears the cell's value) or one a file holds without a cached value. Only these are
 * calculated ("Recalculate: recalculates all cells that Excel has marked as dirty", Excel.CalculationType);
 * cells depending on a changed constant are not tracked, as the adapter never changes the user's cells.
 */
export const dirty = (cell: FakeCell): boolean => cell.formula !== null && cell.value === null;

const isArea = (v: Value): v is Area => v !== null && typeof v === "object" && "rect" in v;
const isError = (v: Value): v is { error: string } => v !== null && typeof v === "object" && "error" in v;

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "err"; v: string } | { t: "ref"; v: string } | { t: "id"; v: string } | { t: "fn"; v: string } | { t: "op"; v: string };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?`;
const TOKENS: [RegExp, (m: string) => Token][] = [
  [/^"(?:[^"]|"")*"/, (m) => ({ t: "str", v: m.slice(1, -1).replace(/""/g, '"') })],
  [/^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/i, (m) => ({ t: "err", v: m.toUpperCase() })],
  [new RegExp(String.raw`^(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!${CELL}`), (m) => ({ t: "ref", v: m })],
  [/^(?:\d+\.?\d*|\.\d+)(?:E[-+]?\d+)?/i, (m) => ({ t: "num", v: Number(m) })],
  [new RegExp(String.raw`^${CELL}(?![\w.(\u00C0-\uFFFF])`), (m) => ({ t: "ref", v: m })],
  [/^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*\(/, (m) => ({ t: "fn", v: m.slice(0, -1).replace(/^_xlfn\./i, "").toUpperCase() })],
  [/^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/, (m) => ({ t: "id", v: m })],
  [/^(?:<=|>=|<>|[-+*/^&=<>%(),])/, (m) => ({ t: "op", v: m })],
];

function tokenize(f: string): Token[] {
  const out: Token[] = [];
  let s = f.trim();
  while (s.length > 0) {
    const rule = TOKENS.find(([re]) => re.test(s));
    if (!rule) throw new Unsupported(f);
    const m = rule[0].exec(s)![0];
    out.push(rule[1](m));
    s = s.slice(m.length).trimStart();
  }
  return out;
}

export class Calculator {
  /** Cells being evaluated in this pass (a circular reference gives 0, as Excel shows it with a warning). */
  private readonly busy = new Set<FakeCell>();
  private readonly done = new Set<FakeCell>();

  constructor(private readonly wb: FakeWorkbook) {}

  /** Calculates every dirty formula cell. */
  all(): void {
    for (const sheet of this.wb.sheets) for (const cell of sheet.cells.values()) if (dirty(cell)) this.cell(sheet, cell);
  }

  private cell(sheet: FakeSheet, cell: FakeCell): FakeScalar {
    if (!dirty(cell) || this.done.has(cell)) return cell.value;
    if (this.busy.has(cell)) return 0;
    this.busy.add(cell);
    try {
      const v = this.evaluate(sheet, (cell.formula ?? "").replace(/^=/, ""));
      cell.value = v;
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    } finally {
      this.busy.delete(cell);
      this.done.add(cell);
    }
    return cell.value;
  }

  private valueAt(a: Area, r: number, c: number): FakeScalar {
    const cell = a.sheet.cells.get(key(r, c));
    return cell ? this.cell(a.sheet, cell) : null;
  }

  /** The result of a formula (without "=") on a sheet, as a cell would hold it. */
  evaluate(sheet: FakeSheet, formula: string): FakeScalar {
    const tokens = tokenize(formula);
    let i = 0;
    // Above 0 while a function's arguments are only being parsed (they are evaluated on demand).
    let skipping = 0;
    const opAt = (): string | null => {
      const tok = tokens[i];
      return tok?.t === "op" ? tok.v : null;
    };
    const isOp = (v: string): boolean => opAt() === v;
    const expect = (v: string): void => {
      if (!isOp(v)) throw new Unsupported(formula);
      i++;
    };
    const binary = (next: () => Value, ops: string[], apply: (op: string, a: Value, b: Value) => Value) => (): Value => {
      let left = next();
      for (let op = opAt(); op !== null && ops.includes(op); op = opAt()) {
        i++;
        const right = next();
        left = skipping > 0 ? null : apply(op, left, right);
      }
      return left;
    };
    const primary = (): Value => {
      const tok = tokens[i++];
      if (!tok) throw new Unsupported(formula);
      switch (tok.t) {
        case "num":
        case "str":
          return tok.v;
        case "err":
          return { error: tok.v };
        case "ref":
          return skipping > 0 ? null : this.ref(sheet, tok.v);
        case "id":
          if (skipping > 0) return null;
          if (/^(TRUE|FALSE)$/i.test(tok.v)) return /^TRUE$/i.test(tok.v);
          return this.name(sheet, tok.v);
        case "fn": {
          const args: (() => Value)[] = [];
          // Arguments are parsed now and evaluated on demand, so IF and IFERROR evaluate only what they need.
          if (!isOp(")")) {
            for (;;) {
              const from = i;
              skipping++;
              comparison();
              skipping--;
              args.push(() => {
                const save = i;
                i = from;
                try {
                  return comparison();
                } finally {
                  i = save;
                }
              });
              if (isOp(",")) i++;
              else break;
            }
          }
          expect(")");
          return skipping > 0 ? null : this.call(tok.v, args);
        }
        case "op":
          if (tok.v === "(") {
            const v = comparison();
            expect(")");
            return v;
          }
          if (tok.v === "-" || tok.v === "+") {
            const v = primary();
            if (skipping > 0) return null;
            return tok.v === "-" ? -this.num(v) : this.num(v);
          }
          throw new Unsupported(formula);
      }
    };
    const postfix = (): Value => {
      let v = primary();
      while (isOp("%")) {
        i++;
        v = skipping > 0 ? null : this.num(v) / 100;
      }
      return v;
    };
    const power = binary(postfix, ["^"], (_op, a, b) => Math.pow(this.num(a), this.num(b)));
    const product = binary(power, ["*", "/"], (op, a, b) => {
      const x = this.num(a);
      const y = this.num(b);
      if (op === "/" && y === 0) throw new XlError("#DIV/0!");
      return op === "*" ? x * y : x / y;
    });
    const sum = binary(product, ["+", "-"], (op, a, b) => (op === "+" ? this.num(a) + this.num(b) : this.num(a) - this.num(b)));
    const concat = binary(sum, ["&"], (_op, a, b) => this.text(a) + this.text(b));
    const comparison: () => Value = binary(concat, ["=", "<>", "<", ">", "<=", ">="], (op, a, b) => this.compare(op, a, b));
    try {
      const v = comparison();
      if (i !== tokens.length) throw new Unsupported(formula);
      return this.finish(this.scalar(v));
    } catch (e) {
      if (e instanceof XlError) return { error: e.code };
      throw e;
    }
  }

  private finish(v: FakeScalar): FakeScalar {
    if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
    // A formula over an empty cell shows 0 in Excel, not an empty cell.
    return v === null ? 0 : v;
  }

  private ref(sheet: FakeSheet, text: string): Area {
    const split = splitSheetRef(text);
    const target = split ? findSheet(this.wb, split.sheet) : sheet;
    const rect = parseArea(split ? split.area : text);
    if (!target || !rect) throw new XlError("#REF!");
    return { sheet: target, rect };
  }

  private name(sheet: FakeSheet, name: string): Value {
    const u = name.toLocaleUpperCase();
    const item =
      sheet.names.find((n) => n.name.toLocaleUpperCase() === u) ?? this.wb.names.find((n) => n.name.toLocaleUpperCase() === u);
    if (!item) throw new XlError("#NAME?");
    const report = reportName(this.wb, item);
    if (report.range) return report.range;
    if (report.type === "Range" || report.type === "Array") throw new Unsupported(name);
    if (report.type === "Error") return { error: String(report.value) };
    return report.value as FakeScalar;
  }

  private scalar(v: Value): FakeScalar {
    if (!isArea(v)) return v;
    const { rect } = v;
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new XlError("#VALUE!");
    return this.valueAt(v, rect.top, rect.left);
  }

  private num(v: Value): number {
    const s = this.scalar(v);
    if (isError(s)) throw new XlError(s.error);
    if (s === null) return 0;
    if (typeof s === "boolean") return s ? 1 : 0;
    if (typeof s === "number") return s;
    if (typeof s !== "string") throw new XlError("#VALUE!");
    const n = Number(s);
    if (s.trim() === "" || Number.isNaN(n)) throw new XlError("#VALUE!");
    return n;
  }

  private text(v: Value): string {
    const s = this.scalar(v);
    if (isError(s)) throw new XlError(s.error);
    if (s === null) return "";
    if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
    return String(s);
  }

  private bool(v: Value): boolean {
    const s = this.scalar(v);
    if (typeof s === "string") {
      if (/^(TRUE|FALSE)$/i.test(s)) return /^TRUE$/i.test(s);
      throw new XlError("#VALUE!");
    }
    return this.num(s) !== 0;
  }

  private compare(op: string, a: Value, b: Value): boolean {
    const x = this.scalar(a);
    const y = this.scalar(b);
    if (isError(x)) throw new XlError(x.error);
    if (isError(y)) throw new XlError(y.error);
    // Excel orders numbers < text < logicals; text compares without case.
    const rank = (v: FakeScalar) => (typeof v === "boolean" ? 2 : typeof v === "string" ? 1 : 0);
    const norm = (v: FakeScalar) => (typeof v === "string" ? v.toLocaleUpperCase() : v === null ? 0 : v);
    const [p, q] = [norm(x), norm(y)];
    const c = rank(x) !== rank(y) ? rank(x) - rank(y) : p! < q! ? -1 : p! > q! ? 1 : 0;
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] ?? false;
  }

  /** Numbers of the arguments as SUM sees them: in areas only numbers count; direct arguments are converted. */
  private numbers(args: (() => Value)[]): number[] {
    const out: number[] = [];
    for (const arg of args) {
      const v = arg();
      if (!isArea(v)) {
        out.push(this.num(v));
        continue;
      }
      for (let r = v.rect.top; r <= v.rect.bottom; r++)
        for (let c = v.rect.left; c <= v.rect.right; c++) {
          const s = this.valueAt(v, r, c);
          if (isError(s)) throw new XlError(s.error);
          if (typeof s === "number") out.push(s);
        }
    }
    return out;
  }

  private call(fn: string, args: (() => Value)[]): Value {
    const arg = (k: number): Value => {
      const a = args[k];
      if (!a) throw new XlError("#VALUE!");
      return a();
    };
    switch (fn) {
      case "SUM":
        return this.numbers(args).reduce((s, x) => s + x, 0);
      case "MIN":
      case "MAX": {
        const xs = this.numbers(args);
        return xs.length === 0 ? 0 : fn === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "AVERAGE": {
        const xs = this.numbers(args);
        if (xs.length === 0) throw new XlError("#DIV/0!");
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case "COUNT":
        return this.numbers(args).length;
      case "ABS":
        return Math.abs(this.num(arg(0)));
      case "ROUND": {
        const x = this.num(arg(0));
        const digits = Math.trunc(this.num(arg(1)));
        const f = Math.pow(10, digits);
        // Excel rounds halves away from zero.
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }
      case "IF":
        return this.bool(arg(0)) ? arg(1) : args.length > 2 ? arg(2) : false;
      case "IFERROR":
        try {
          const v = this.scalar(arg(0));
          if (isError(v)) return arg(1);
          return v;
        } catch (e) {
          if (e instanceof XlError) return arg(1);
          throw e;
        }
      case "AND":
        return args.every((_, k) => this.bool(arg(k)));
      case "OR":
        return args.some((_, k) => this.bool(arg(k)));
      case "NOT":
        return !this.bool(arg(0));
      case "INDEX": {
        const area = arg(0);
        if (!isArea(area)) throw new XlError("#VALUE!");
        const { rect } = area;
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        let r = Math.trunc(this.num(arg(1)));
        let c = args.length > 2 ? Math.trunc(this.num(arg(2))) : 1;
        // INDEX(one row, n) picks the n-th column.
        if (args.length === 2 && rows === 1) [r, c] = [1, r];
        if (r < 1 || c < 1 || r > rows || c > cols) throw new XlError("#REF!");
        const at = { top: rect.top + r - 1, left: rect.left + c - 1, bottom: rect.top + r - 1, right: rect.left + c - 1 };
        return { sheet: area.sheet, rect: at };
      }
      default:
        throw new Unsupported(fn);
    }
  }
}

/** Calculates the dirty formula cells of the workbook. */
export function recalculate(wb: FakeWorkbook): void {
  new Calculator(wb).all();
}
