/**
 * The functions.json the build generates from src/functions/functions.ts (by the same generator the
 * webpack plugin runs), and the Traditional Chinese file derived from it.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";
import { FUNCTION_IDS } from "../../src/functions/table";

const { localizeMetadata } = require("../../scripts/functions-locale.js");
const { withErrorInputs } = require("../../scripts/functions-metadata.js");
const zhTW = require("../../src/functions/locales/zh-TW.json");

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { dimensionality?: string; type?: string };
}

/** The public signatures: ids and parameter names never change (workbooks store them); "?" marks optional. */
const EXPECTED: Record<string, string[]> = {
  INTENSITY: ["amount", "denominator", "scale?"],
  TURNOVER: ["leavers", "opening", "closing?", "method?"],
  TRAININGRATE: ["trained", "headcount"],
  AVGHOURS: ["hours", "employees"],
  ENERGY: ["amount", "unit", "fuel?"],
  UNITCONVERT: ["value", "from_unit", "to_unit"],
  EMISSIONS: ["amount", "unit", "fuel_or_factor_id", "year?"],
  SCOPE2: ["kwh", "grid", "year?", "series?"],
  FACTOR: ["id_or_fuel", "field?"],
  YOY: ["current", "prior"],
  CHECKSUM: ["total", "parts"],
};

let metadata: { functions: Fn[] };

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"), false);
  expect(r.errors).toEqual([]);
  metadata = JSON.parse(r.metadataJson);
});

describe("functions.json", () => {
  it("declares exactly the ESG functions of the table, with their ids as names", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...FUNCTION_IDS].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(EXPECTED))(
    "%s has its parameters in order, optional flags, and ranges everywhere",
    (id, params) => {
      const f = metadata.functions.find((x) => x.id === id)!;
      expect(f.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
      for (const p of f.parameters) {
        // A range parameter: matrix of "any" (text and numbers reach the argument layer), never repeating.
        expect(p.dimensionality).toBe("matrix");
        expect(p.type).toBe("any");
        expect(p.repeating).toBeFalsy();
        expect(p.description).toBeTruthy();
      }
      // Results spill: a 2-D array.
      expect(f.result.dimensionality).toBe("matrix");
    },
  );

  it("has one-line descriptions that say how blanks are read where numbers come in", () => {
    for (const f of metadata.functions) {
      expect(f.description).not.toMatch(/\n/);
      expect(f.description.length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) expect(p.description).not.toMatch(/\n/);
      if (f.id !== "FACTOR") expect(f.description).toMatch(/[Bb]lank/);
    }
  });

  it("documents what an omitted optional argument means", () => {
    for (const f of metadata.functions) {
      for (const p of f.parameters.filter((q) => q.optional))
        expect(p.description).toMatch(/Omitted|default/);
    }
  });

  it("keeps ids within the allowed characters and length", () => {
    for (const f of metadata.functions) expect(f.id).toMatch(/^[A-Za-z0-9._]{1,128}$/);
  });

  it("names no function after an Excel built-in, and none shorter than three characters", () => {
    // docs/excel/custom-functions-naming.md: at least three characters; avoid built-in names (a
    // function id is stored in workbooks and can never change). Built-ins that resemble our names,
    // from Excel's function list (support.microsoft.com, "Excel functions (alphabetical)").
    const builtIns = ["CONVERT", "FACT", "EFFECT", "GROWTH", "TREND", "RATE", "DELTA", "ROUND", "SUM"];
    for (const f of metadata.functions) {
      expect(builtIns).not.toContain(f.id);
      expect(f.name.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("functions.json as the build post-processes it", () => {
  it("lets error cells into the functions, which propagate them per cell", () => {
    // The generator leaves allowErrorForDataTypeAny out (default false: Excel would show #VALUE!
    // without calling the function); the build's FunctionsMetadataPlugin adds it.
    expect((metadata as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny).toBeUndefined();
    const post = withErrorInputs(metadata);
    expect(post.allowErrorForDataTypeAny).toBe(true);
    expect(post.functions).toEqual(metadata.functions);
    expect(localizeMetadata(post, zhTW).allowErrorForDataTypeAny).toBe(true);
    expect(() => withErrorInputs({})).toThrow(/no functions/);
  });
});

describe("functions.zh-TW.json", () => {
  it("lists the same ids, parameters, types and shapes with Traditional Chinese names and help", () => {
    const local = localizeMetadata(metadata, zhTW) as { functions: Fn[] };
    expect(local.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    local.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.name).not.toBe(en.name);
      expect(f.name).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.result).toEqual(en.result);
      expect(f.parameters.map((p) => [p.type, p.dimensionality, !!p.optional])).toEqual(
        en.parameters.map((p) => [p.type, p.dimensionality, !!p.optional]),
      );
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    });
    expect(new Set(local.functions.map((f) => f.name)).size).toBe(local.functions.length);
  });

  it("names every function with at least three characters (custom-functions-naming.md)", () => {
    const local = localizeMetadata(metadata, zhTW) as { functions: Fn[] };
    for (const f of local.functions) expect([f.id, [...f.name].length >= 3]).toEqual([f.id, true]);
  });

  it("refuses a table that misses a function or a parameter, or names an unknown one", () => {
    const missing = { functions: { ...zhTW.functions } };
    delete missing.functions.YOY;
    expect(() => localizeMetadata(metadata, missing)).toThrow(/no translation for YOY/);
    const extra = {
      functions: { ...zhTW.functions, NEWFN: { name: "新", description: "x", parameters: {} } },
    };
    expect(() => localizeMetadata(metadata, extra)).toThrow(/unknown function NEWFN/);
    const noParam = {
      functions: {
        ...zhTW.functions,
        YOY: { ...zhTW.functions.YOY, parameters: { current: zhTW.functions.YOY.parameters.current } },
      },
    };
    expect(() => localizeMetadata(metadata, noParam)).toThrow(/YOY: no translation for parameter prior/);
  });
});
