/**
 * Keys that are only data (issue 15): every JavaScript built-in property name thrown at the engine as
 * an ESG_Settings key, an ESG_Factors id/key, an ESG_Mapping metric id and name, a sheet name and a
 * defined name. The engine must not crash; what it cannot use is a finding.
 */
import fc from "fast-check";
import { runEngine } from "../../src/esg/engine";
import { CONFIG_NAMES, METRICS } from "../../src/esg/metrics";
import type { CellValue, NamedItem, WorkbookRead } from "../../src/esg/types";
import { item, seedRead } from "../support/seed-read";

/**
 * Every property name a JavaScript built-in carries: each global's name, and the own names of each
 * global object or constructor and of its prototype (Object, Function, Array, String, Number, Map,
 * Promise, Intl, Reflect, Math, the typed arrays, …), with the accessors __proto__ and prototype.
 */
function builtInNames(): string[] {
  const names = new Set<string>(["__proto__", "prototype", "constructor"]);
  const own = (o: unknown): void => {
    if ((typeof o === "object" && o !== null) || typeof o === "function") for (const k of Object.getOwnPropertyNames(o)) names.add(k);
  };
  const global = globalThis as unknown as Record<string, unknown>;
  for (const g of Object.getOwnPropertyNames(globalThis)) {
    names.add(g);
    const d = Object.getOwnPropertyDescriptor(globalThis, g);
    const v = d && "value" in d ? d.value : global[g];
    own(v);
    if (typeof v === "function") own((v as { prototype?: unknown }).prototype);
  }
  own(Object.getPrototypeOf(function* () {}));
  own(Object.getPrototypeOf([][Symbol.iterator]()));
  return [...names];
}

const BUILT_INS = builtInNames();

const builtIn = fc.constantFrom(...BUILT_INS);

function hostile(key: string, value: string): WorkbookRead {
  const seed = seedRead();
  const factorHeader: CellValue[] = ["id", "value", "unit", "gas", "kind", "key", "source", "published", "data year", "geography", "series"];
  const names: NamedItem[] = [
    ...seed.names,
    item(CONFIG_NAMES.settings, "ESG_Config", 0, 0, [
      [key, value],
      [key, key],
    ]),
    item(CONFIG_NAMES.mapping, "ESG_Config", 10, 0, [
      [key, value],
      [METRICS[0].id, key],
      [METRICS[1].id, value],
    ]),
    item(CONFIG_NAMES.factors, "ESG_Config", 20, 0, [
      factorHeader,
      [key, 0.5, "kg CO2/kWh", "CO2", "grid", key, "test", "2024", 2024, "CN", key],
      [key, 0.6, "kg CO2/kWh", "CO2", "grid", value, "test", "2024", 2024, "CN", "cn-mee-nbs"],
    ]),
    // A sheet named by the built-in, with a sheet-scoped name into it under another built-in.
    item(value, key, 1, 1, [[1]], key),
    item(key, key, 2, 1, [[2]], null),
    item(METRICS[0].defaultName, key, 3, 1, [[3]], key),
  ];
  return {
    names,
    sheets: [...seed.sheets, { name: "ESG_Config", visibility: "hidden", generated: false }, { name: key, visibility: "visible", generated: false }],
  };
}

describe("built-in property names are only data", () => {
  it("as settings keys, factor ids, mapping entries, sheet names and name names: no crash", () => {
    fc.assert(
      fc.property(builtIn, builtIn, (key, value) => {
        const r = runEngine(hostile(key, value), { now: "2025-01-01T00:00:00.000Z" });
        expect(Array.isArray(r.findings)).toBe(true);
        for (const f of r.findings) expect(typeof f.message.en).toBe("string");
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it(`every one of the ${BUILT_INS.length} built-in property names, in one workbook: no crash, nothing polluted`, () => {
    expect(BUILT_INS.length).toBeGreaterThan(500);
    for (const name of ["__proto__", "constructor", "valueOf", "hasOwnProperty", "toString", "then", "length", "caller", "Symbol", "fromEntries"])
      expect(BUILT_INS).toContain(name);
    const header: CellValue[] = ["id", "value", "unit", "gas", "kind", "key", "source", "published", "data year", "geography", "series"];
    const seed = seedRead();
    const names: NamedItem[] = [
      ...seed.names,
      item(CONFIG_NAMES.settings, "ESG_Config", 0, 0, BUILT_INS.map((k) => [k, k])),
      item(CONFIG_NAMES.mapping, "ESG_Config", 0, 3, BUILT_INS.map((k, i) => [k, BUILT_INS[(i + 1) % BUILT_INS.length]])),
      item(CONFIG_NAMES.factors, "ESG_Config", 0, 6, [
        header,
        ...BUILT_INS.flatMap((k): CellValue[][] => [0.5, 0.6].map((v) => [k, v, "kg CO2/kWh", "CO2", "grid", k, "test", "2024", 2024, k, k])),
      ]),
      ...BUILT_INS.map((k, i) => item(k, k, 1, 1, [[i]], i % 2 ? k : null)),
    ];
    const sheets = [...seed.sheets, { name: "ESG_Config", visibility: "hidden" as const, generated: false }, ...BUILT_INS.map((k) => ({ name: k, visibility: "visible" as const, generated: false }))];
    const r = runEngine({ names, sheets }, { now: "2025-01-01T00:00:00.000Z" });
    for (const f of r.findings) expect(typeof f.message.en).toBe("string");
    expect(r.kpis.length).toBeGreaterThan(0);
    // Each id is on two rows: the second is refused as a repeat, so every id was looked up as data.
    const repeats = r.findings.filter((f) => f.rule === "factor.invalid" && /appears on an earlier row/.test(f.message.en));
    expect(repeats).toHaveLength(BUILT_INS.length);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "valueOf", "hasOwnProperty", "toString"])("a setting key %s with a bad value is ignored, not a crash", (key) => {
    const r = runEngine(hostile(key, "x"), { now: "2025-01-01T00:00:00.000Z" });
    expect(r.options.yoyTolerance).toBe(runEngine(seedRead()).options.yoyTolerance);
  });

  it.each(["__proto__", "constructor", "hasOwnProperty"])("a mapping to %s, which the workbook does not define, is an error finding", (name) => {
    const seed = seedRead();
    const read: WorkbookRead = { ...seed, names: [...seed.names, item(CONFIG_NAMES.mapping, "ESG_Config", 0, 0, [["electricity", name]])] };
    const r = runEngine(read, { now: "2025-01-01T00:00:00.000Z" });
    expect(r.findings.some((f) => f.rule === "name.missing" && f.severity === "error" && f.metric === "electricity")).toBe(true);
  });
});
