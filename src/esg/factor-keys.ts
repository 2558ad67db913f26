/** The library key a fuel or grid name stands for: fuel aliases ("raw coal" → bituminous) and grids as grids.ts reads them. */
import type { FactorKind } from "./factor-model";
import { readGrid } from "./grids";
import type { Bilingual } from "./types";

/** Lower case, spaces and underscores to hyphens: "Natural gas" → "natural-gas". */
export function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

interface Alias {
  readonly key: string;
  readonly note?: Bilingual;
}

/**
 * Coal whose type is not stated is read as bituminous coal: bituminous steam coal is the bulk of the coal
 * burned in China's industry and power plants, and it is the one coal with an IPCC default in the library.
 * It is not the conservative choice (anthracite has the higher factor, 2.323 against 2.072 t CO2/t): state
 * the type (metric Coal_Anthracite / Coal_Bituminous) when it is known.
 */
const UNSPECIFIED_COAL_NOTE: Bilingual = {
  en: "Coal of unstated type is taken as bituminous coal (the bulk of industrial coal in China); state the type if known.",
  "zh-HK": "未註明種類的煤按煙煤計算（中國工業用煤以煙煤為主）；如知道煤種，請註明。",
};

const FUEL_ALIASES: Readonly<Record<string, Alias>> = {
  coal: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  "raw-coal": { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  煤: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  原煤: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  petrol: { key: "gasoline" },
  汽油: { key: "gasoline" },
  柴油: { key: "diesel" },
  "gas/diesel-oil": { key: "diesel" },
  "bituminous-coal": { key: "bituminous" },
  "other-bituminous-coal": { key: "bituminous" },
  煙煤: { key: "bituminous" },
  烟煤: { key: "bituminous" },
  "anthracite-coal": { key: "anthracite" },
  無煙煤: { key: "anthracite" },
  无烟煤: { key: "anthracite" },
  焦炭: { key: "coke" },
  "liquefied-petroleum-gas": { key: "lpg" },
  液化石油氣: { key: "lpg" },
  液化石油气: { key: "lpg" },
  天然氣: { key: "natural-gas" },
  天然气: { key: "natural-gas" },
  "coke-oven-gas": { key: "coke-oven-gas" },
  焦爐煤氣: { key: "coke-oven-gas" },
  焦炉煤气: { key: "coke-oven-gas" },
  "semi-coke-gas": { key: "semi-coke-gas" },
  "blue-coke-gas": { key: "semi-coke-gas" },
  半焦气: { key: "semi-coke-gas" },
  半焦氣: { key: "semi-coke-gas" },
  蘭炭尾氣: { key: "semi-coke-gas" },
  兰炭尾气: { key: "semi-coke-gas" },
  "wood-pellets": { key: "wood" },
  "wood-waste": { key: "wood" },
  "biomass-pellets": { key: "wood" },
  木顆粒: { key: "wood" },
  木颗粒: { key: "wood" },
  生物質顆粒: { key: "wood" },
  生物质颗粒: { key: "wood" },
};

/** The library key a fuel or grid name stands for, with a note when the reading is a choice. */
export function resolveKey(kind: FactorKind, key: string): Alias {
  const k = normaliseKey(key);
  if (kind === "grid") {
    // Grids, power companies and provinces (→ their regional grid) as grids.ts reads them; a blank is
    // the national average; any other key (a factor table's own, "province-xinjiang") is kept as written.
    if (k === "") return { key: "national" };
    const g = readGrid(key);
    return g.ok ? { key: g.grid.key, ...(g.note ? { note: g.note } : {}) } : { key: k };
  }
  // Own keys only: a fuel named "constructor" is text from the workbook, not a property.
  return kind === "gwp" ? { key: k } : ((Object.hasOwn(FUEL_ALIASES, k) ? FUEL_ALIASES[k] : undefined) ?? { key: k });
}
