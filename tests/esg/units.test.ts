import fc from "fast-check";
import { canonicalUnit, convert, parseUnit, tryConvert, UnitError, UNITS_BY_DIMENSION, type UnitDef } from "../../src/esg/units";

const ALL_UNITS: readonly UnitDef[] = Object.values(UNITS_BY_DIMENSION).flat();
const relClose = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

/** Pairs of units that convert into each other. */
const compatiblePair = fc
  .constantFrom(...ALL_UNITS)
  .chain((a) => fc.tuple(fc.constant(a), fc.constantFrom(...ALL_UNITS.filter((b) => b.canonical === a.canonical))));
const incompatiblePair = fc
  .constantFrom(...ALL_UNITS)
  .chain((a) => fc.tuple(fc.constant(a), fc.constantFrom(...ALL_UNITS.filter((b) => b.canonical !== a.canonical))));
const magnitude = fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => Math.abs(x) > 1e-9);

describe("parseUnit", () => {
  it.each([
    ["kWh", "kWh"],
    ["KWH", "kWh"],
    ["kwh", "kWh"],
    ["千瓦時", "kWh"],
    ["'000 kWh", "'000 kWh"],
    ["‘000 kWh", "'000 kWh"],
    ["thousand kWh", "'000 kWh"],
    ["mwh", "MWh"],
    ["GJ", "GJ"],
    ["tj", "TJ"],
    ["t", "t"],
    ["tonnes", "t"],
    ["噸", "t"],
    ["KG", "kg"],
    ["m3", "m³"],
    ["M³", "m³"],
    ["立方米", "m³"],
    ["L", "L"],
    ["l", "L"],
    ["litre", "L"],
    ["Liters", "L"],
    ["Nm3", "Nm³"],
    ["10^4 Nm3", "10⁴ Nm³"],
    ["10⁴ Nm³", "10⁴ Nm³"],
    ["万Nm³", "10⁴ Nm³"],
    ["萬Nm3", "10⁴ Nm³"],
    ["person", "person"],
    ["人", "person"],
    ["hours", "hours"],
    ["days", "days"],
    ["%", "%"],
    ["HKD", "HKD"],
    ["CNY", "RMB"],
    ["ｋＷｈ", "kWh"],
  ])("%s → %s", (text, symbol) => {
    expect(parseUnit(text)?.symbol).toBe(symbol);
  });

  it.each(["", "   ", "furlong", "kWh/t", "10^5 Nm3"])("%j is unknown", (text) => {
    expect(parseUnit(text)).toBeNull();
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), (s) => parseUnit(s) === null || typeof parseUnit(s)?.symbol === "string"));
  });

  it("knows every listed unit by its symbol and its aliases", () => {
    for (const u of ALL_UNITS) {
      expect(parseUnit(u.symbol)?.symbol).toBe(u.symbol);
      for (const a of u.aliases) expect(parseUnit(a)?.symbol).toBe(u.symbol);
    }
  });
});

describe("convert", () => {
  it.each([
    [1, "kWh", "MJ", 3.6],
    [3.6, "MJ", "kWh", 1],
    [1, "GJ", "kWh", 1000 / 3.6],
    [1, "TJ", "GJ", 1000],
    [29_843_800, "kWh", "'000 kWh", 29_843.8],
    [1, "MWh", "'000 kWh", 1],
    [205, "L", "m³", 0.205],
    [1500, "kg", "t", 1.5],
    [3, "10⁴ Nm³", "Nm³", 30_000],
    [12, "count", "person", 12],
  ])("%p %s in %s", (v, from, to, expected) => {
    expect(relClose(convert(v, from, to), expected)).toBe(true);
  });

  it("has kWh, t, m³ and Nm³ as canonical units", () => {
    expect(canonicalUnit("energy")?.symbol).toBe("kWh");
    expect(canonicalUnit("mass")?.symbol).toBe("t");
    expect(canonicalUnit("volume")?.symbol).toBe("m³");
    expect(canonicalUnit("gas-volume")?.symbol).toBe("Nm³");
    expect(canonicalUnit("currency")).toBeNull();
  });

  it("throws a bilingual UnitError for incompatible units", () => {
    expect.assertions(4);
    try {
      convert(1, "kWh", "t");
    } catch (e) {
      expect(e).toBeInstanceOf(UnitError);
      const err = e as UnitError;
      expect(err.code).toBe("incompatible");
      expect(err.messages.en).toMatch(/kWh/);
      expect(err.messages["zh-HK"]).toMatch(/無法/);
    }
  });

  it("throws code unknown for an unknown unit", () => {
    expect(() => convert(1, "kWh", "furlong")).toThrow(UnitError);
    const r = tryConvert(1, "bogus", "kWh");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe("unknown");
  });

  it("keeps hours and days, m³ and Nm³, and different currencies apart", () => {
    for (const [a, b] of [
      ["hours", "days"],
      ["m³", "Nm³"],
      ["HKD", "RMB"],
      ["%", "count"],
      ["t CO2", "t CO2e"],
    ]) {
      const r = tryConvert(1, a, b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.code).toBe("incompatible");
    }
  });
});

describe("conversion laws", () => {
  it("round trips a → b → a within 1e-12 relative", () => {
    fc.assert(
      fc.property(compatiblePair, magnitude, ([a, b], x) => {
        return relClose(convert(convert(x, a, b), b, a), x);
      }),
    );
  });

  it("is linear: convert(k·x) = k·convert(x)", () => {
    fc.assert(
      fc.property(compatiblePair, magnitude, fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b], x, k) => {
        return relClose(convert(k * x, a, b), k * convert(x, a, b), 1e-12) || Math.abs(k * x) < 1e-300;
      }),
    );
  });

  it("is additive: convert(x + y) = convert(x) + convert(y)", () => {
    fc.assert(
      fc.property(compatiblePair, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), ([a, b], x, y) => {
        const lhs = convert(x + y, a, b);
        const rhs = convert(x, a, b) + convert(y, a, b);
        return Math.abs(lhs - rhs) <= 1e-12 * Math.max(Math.abs(lhs), 1);
      }),
    );
  });

  it("composes: a → b → c equals a → c", () => {
    const triple = fc
      .constantFrom(...ALL_UNITS)
      .chain((a) => {
        const same = ALL_UNITS.filter((u) => u.canonical === a.canonical);
        return fc.tuple(fc.constant(a), fc.constantFrom(...same), fc.constantFrom(...same));
      });
    fc.assert(fc.property(triple, magnitude, ([a, b, c], x) => relClose(convert(convert(x, a, b), b, c), convert(x, a, c), 1e-12)));
  });

  it("always errors for incompatible units, thrown or as a value", () => {
    fc.assert(
      fc.property(incompatiblePair, fc.double({ noNaN: false }), ([a, b], x) => {
        const r = tryConvert(x, a.symbol, b.symbol);
        if (r.ok || r.problem.code !== "incompatible") return false;
        try {
          convert(x, a.symbol, b.symbol);
          return false;
        } catch (e) {
          return e instanceof UnitError && e.code === "incompatible";
        }
      }),
    );
  });
});
