/** Property tests for the engine's laws. */
import fc from "fast-check";
import { runChecks } from "../../src/esg/checks";
import { coerceNumber, labelKey } from "../../src/esg/coerce";
import { breakdownGap, intensity, intensityValue, turnoverRate } from "../../src/esg/formulas";
import { computeKpis } from "../../src/esg/kpis";
import { METRICS } from "../../src/esg/metrics";
import { defaultEngineOptions } from "../../src/esg/options";
import { buildSnapshot } from "../../src/esg/snapshot";
import type { CellValue, WorkbookRead } from "../../src/esg/types";
import { SheetBuilder } from "../support/seed-read";

/** Anything a cell can hold, including what a careless workbook holds. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0),
  fc.integer(),
  fc.string(),
  fc.constantFrom("29,843,800", "=SUM(A1:A3)", "+1", "-", "@x", "89%", "１２３", " ", "#N/A", "TRUE"),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!").map((code): CellValue => ({ kind: "error", code })),
  fc.date({ noInvalidDate: true }).map((d): CellValue => ({ kind: "date", iso: d.toISOString() })),
  fc.string().map((f): CellValue => ({ kind: "uncached", formula: f })),
);

function workbookWith(values: CellValue[][][]): WorkbookRead {
  const b = new SheetBuilder("Data");
  METRICS.forEach((m, i) => b.add(m.defaultName, values[i % values.length]));
  return { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
}

describe("checks never throw", () => {
  it("on any cell values in any metric's range", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (blocks) => {
        const { snapshot, findings } = buildSnapshot(workbookWith(blocks));
        const kpis = computeKpis(snapshot, defaultEngineOptions);
        const all = [...findings, ...runChecks(snapshot, kpis, defaultEngineOptions)];
        for (const f of all) {
          expect(typeof f.message.en).toBe("string");
          expect(typeof f.message["zh-HK"]).toBe("string");
        }
        for (const k of kpis) expect(k.value === null || Number.isFinite(k.value)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("coerces any cell without throwing, and never yields NaN as a number", () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, ratio) => {
        const c = coerceNumber(cell, ratio);
        if (c.kind === "number") expect(Number.isFinite(c.value)).toBe(true);
      }),
    );
  });
});

describe("breakdown law", () => {
  const parts = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 });
  it("passes exactly when the parts sum to the total within tolerance", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -50, max: 50 }), (ps, delta) => {
        const total = ps.reduce((a, b) => a + b, 0) + delta;
        const b = new SheetBuilder("Data")
          .add("Headcount", [[total]])
          .add(
            "Headcount_Gender",
            ps.map((p, i) => [`Group ${i}`, p]),
          );
        const read: WorkbookRead = { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
        const { snapshot } = buildSnapshot(read);
        const flagged = runChecks(snapshot, [], { ...defaultEngineOptions, breakdownTolerance: 10 }).some((f) => f.rule === "breakdown.sum");
        expect(flagged).toBe(Math.abs(delta) > 10);
      }),
    );
  });

  it("breakdownGap is total − Σ parts", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: -1e6, max: 1e6 })), (t, ps) => {
        const g = breakdownGap(t, ps);
        expect(g.ok && g.value).toBe(t - ps.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("intensity law", () => {
  const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
  it("scales linearly with the amount and inversely with the denominator", () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, d, k) => {
        const base = intensity(a, d);
        const scaledAmount = intensity(a * k, d);
        const scaledDenominator = intensity(a, d * k);
        if (!base.ok || !scaledAmount.ok || !scaledDenominator.ok) throw new Error("unexpected error");
        expect(scaledAmount.value).toBeCloseTo(base.value * k, 6 - Math.log10(Math.max(1, base.value * k)));
        expect(scaledDenominator.value * k).toBeCloseTo(base.value, 6 - Math.log10(Math.max(1, base.value)));
      }),
    );
  });

  it("is an error, never Infinity, for a zero denominator", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (a) => expect(intensity(a, 0)).toMatchObject({ ok: false, error: "div0" })));
  });
});

describe("turnover law", () => {
  it("average and closing methods agree when opening equals closing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 100000 }), (l, h) => {
        const a = turnoverRate(l, h, h, "average");
        const c = turnoverRate(l, h, h, "closing");
        expect(a.ok && c.ok && a.value).toBe(c.ok && c.value);
      }),
    );
  });
});

describe("intensityValue (the allocation-free fast path)", () => {
  it("is intensity's figure where intensity has one, and NaN exactly where it has an error", () => {
    const any = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1e-320, 1e308));
    fc.assert(
      fc.property(any, any, any, (a, d, s) => {
        const full = intensity(a, d, s);
        const fast = intensityValue(a, d, s);
        if (full.ok) expect(fast).toBe(full.value);
        else expect(fast).toBeNaN();
      }),
    );
  });
});

describe("labelKey (the plain-label fast path)", () => {
  // The full normalisation, as labelKey documents it: full-width digits folded, lower case, every run of
  // blanks (ideographic space included) one space, en and em dashes a hyphen, trimmed.
  const normalised = (s: string): string =>
    s
      .replace(/[\uff10-\uff19\uff0c\uff0e\uff05\uff0b\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .toLowerCase()
      .replace(/[\s\u3000]+/g, " ")
      .replace(/[–—-]/g, "-")
      .trim();
  const labelChar = fc.constantFrom(..."aZ09 -–—\t\u3000１，Ｋé廢棄物 ".split(""));
  it("gives the full normalisation for any label, plain or not", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(labelChar).map((cs) => cs.join(""))), (s) => {
        expect(labelKey(s)).toBe(normalised(s));
      }),
      { numRuns: 2000 },
    );
  });
});
