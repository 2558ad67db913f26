/**
 * The power grids and power companies a site's `GridRegion` may name, and how their many spellings are
 * read: the seven regional grids of the MEE/NBS electricity CO2 factor tables and the national average
 * (English, Traditional and Simplified Chinese, common long forms such as "China Southern Power Grid"),
 * every mainland province-level division mapped to its regional grid, and Hong Kong's two power
 * companies. The accepted list is exported for docs/metrics.md and the task pane's picker.
 *
 * Province → regional grid: the regional grids of NDRC's "中国区域电网基准线排放因子" notices (North:
 * Beijing, Tianjin, Hebei, Shanxi, Shandong, western Inner Mongolia; Northeast: Liaoning, Jilin,
 * Heilongjiang, eastern Inner Mongolia; East: Shanghai, Jiangsu, Zhejiang, Anhui, Fujian; Central: Henan,
 * Hubei, Hunan, Jiangxi, and formerly Sichuan and Chongqing; Northwest: Shaanxi, Gansu, Qinghai, Ningxia,
 * Xinjiang; South: Guangdong, Guangxi, Yunnan, Guizhou, Hainan), as listed in
 * ../shared/reference/grid-factors-verified.md §3b (secondary). The MEE/NBS tables for 2021–2023 carry
 * a Southwest grid beside Central; Sichuan and Chongqing (and Tibet, State Grid's Southwest branch) are
 * read as Southwest. That split is inferred, not confirmed from the MEE tables: the note says so.
 */
import { bi } from "./bilingual";
import type { Bilingual } from "./types";


export type GridKind = "national" | "regional" | "hk-company";

export interface GridDef {
  /** Key of the grid's factors in the library. */
  readonly key: string;
  readonly kind: GridKind;
  /** The name to write (English / Traditional Chinese). */
  readonly label: Bilingual;
  /** Simplified Chinese name. */
  readonly hans: string;
  /** Other accepted spellings (long forms, abbreviations); the label and the Chinese names are accepted too. */
  readonly aliases: readonly string[];
}

export const GRIDS: readonly GridDef[] = [
  {
    key: "national",
    kind: "national",
    label: bi("National", "全國"),
    hans: "全国",
    aliases: [
      "China",
      "national average",
      "national grid",
      "全國電網",
      "全国电网",
      "全國平均",
      "全国平均",
      "中國",
      "中国",
    ],
  },
  {
    key: "north",
    kind: "regional",
    label: bi("North China", "華北"),
    hans: "华北",
    aliases: [
      "North",
      "North China Grid",
      "State Grid North China",
      "華北電網",
      "华北电网",
      "華北區域電網",
      "华北区域电网",
    ],
  },
  {
    key: "northeast",
    kind: "regional",
    label: bi("Northeast China", "東北"),
    hans: "东北",
    aliases: [
      "Northeast",
      "North East",
      "Northeast China Grid",
      "東北電網",
      "东北电网",
      "東北區域電網",
      "东北区域电网",
    ],
  },
  {
    key: "east",
    kind: "regional",
    label: bi("East China", "華東"),
    hans: "华东",
    aliases: ["East", "East China Grid", "華東電網", "华东电网", "華東區域電網", "华东区域电网"],
  },
  {
    key: "central",
    kind: "regional",
    label: bi("Central China", "華中"),
    hans: "华中",
    aliases: ["Central", "Central China Grid", "華中電網", "华中电网", "華中區域電網", "华中区域电网"],
  },
  {
    key: "northwest",
    kind: "regional",
    label: bi("Northwest China", "西北"),
    hans: "西北",
    aliases: [
      "Northwest",
      "North West",
      "Northwest China Grid",
      "西北電網",
      "西北电网",
      "西北區域電網",
      "西北区域电网",
    ],
  },
  {
    key: "south",
    kind: "regional",
    label: bi("South China (China Southern Power Grid)", "南方"),
    hans: "南方",
    aliases: [
      "South",
      "South China",
      "Southern",
      "China Southern",
      "China Southern Power Grid",
      "CSG",
      "南方電網",
      "南方电网",
      "中國南方電網",
      "中国南方电网",
      "華南",
      "华南",
      "華南電網",
      "华南电网",
      "南方區域電網",
      "南方区域电网",
    ],
  },
  {
    key: "southwest",
    kind: "regional",
    label: bi("Southwest China", "西南"),
    hans: "西南",
    aliases: [
      "Southwest",
      "South West",
      "Southwest China Grid",
      "西南電網",
      "西南电网",
      "西南區域電網",
      "西南区域电网",
    ],
  },
  {
    key: "clp",
    kind: "hk-company",
    label: bi("CLP Power Hong Kong", "中華電力"),
    hans: "中华电力",
    aliases: [
      "CLP",
      "CLP Power",
      "CLP Power HK",
      "CLP Power Hong Kong Limited",
      "China Light and Power",
      "中電",
      "中电",
      "中華電力有限公司",
      "中华电力有限公司",
    ],
  },
  {
    key: "hk-electric",
    kind: "hk-company",
    label: bi("HK Electric", "港燈"),
    hans: "港灯",
    aliases: [
      "HKE",
      "HK Electric",
      "Hongkong Electric",
      "Hong Kong Electric",
      "The Hongkong Electric Company",
      "HK Electric Investments",
      "香港電燈",
      "香港电灯",
      "香港電燈有限公司",
      "香港电灯有限公司",
    ],
  },
];

export interface ProvinceDef {
  readonly en: string;
  readonly hant: string;
  readonly hans: string;
  /** Key of the regional grid. */
  readonly grid: string;
  /** The reading is a choice worth stating (a province split between grids, a membership inferred). */
  readonly caveat?: Bilingual;
}

const SPLIT_SOUTHWEST = bi(
  "the Southwest grid's membership in the MEE/NBS tables is inferred (formerly part of Central China), not confirmed",
  "西南電網在生態環境部／國家統計局表內的組成屬推斷（過去屬華中電網），未經確認",
);

export const PROVINCES: readonly ProvinceDef[] = [
  { en: "Beijing", hant: "北京", hans: "北京", grid: "north" },
  { en: "Tianjin", hant: "天津", hans: "天津", grid: "north" },
  { en: "Hebei", hant: "河北", hans: "河北", grid: "north" },
  { en: "Shanxi", hant: "山西", hans: "山西", grid: "north" },
  { en: "Shandong", hant: "山東", hans: "山东", grid: "north" },
  {
    en: "Inner Mongolia",
    hant: "內蒙古",
    hans: "内蒙古",
    grid: "north",
    caveat: bi(
      "Inner Mongolia is split between grids: the west in North China, the east (Hulunbuir, Hinggan, Tongliao, Chifeng) in Northeast China; write Northeast for a site in the east",
      "內蒙古分屬兩個電網：西部屬華北，東部（呼倫貝爾、興安、通遼、赤峰）屬東北；東部的廠區請填「東北」",
    ),
  },
  { en: "Liaoning", hant: "遼寧", hans: "辽宁", grid: "northeast" },
  { en: "Jilin", hant: "吉林", hans: "吉林", grid: "northeast" },
  { en: "Heilongjiang", hant: "黑龍江", hans: "黑龙江", grid: "northeast" },
  { en: "Shanghai", hant: "上海", hans: "上海", grid: "east" },
  { en: "Jiangsu", hant: "江蘇", hans: "江苏", grid: "east" },
  { en: "Zhejiang", hant: "浙江", hans: "浙江", grid: "east" },
  { en: "Anhui", hant: "安徽", hans: "安徽", grid: "east" },
  { en: "Fujian", hant: "福建", hans: "福建", grid: "east" },
  { en: "Henan", hant: "河南", hans: "河南", grid: "central" },
  { en: "Hubei", hant: "湖北", hans: "湖北", grid: "central" },
  { en: "Hunan", hant: "湖南", hans: "湖南", grid: "central" },
  { en: "Jiangxi", hant: "江西", hans: "江西", grid: "central" },
  { en: "Sichuan", hant: "四川", hans: "四川", grid: "southwest", caveat: SPLIT_SOUTHWEST },
  { en: "Chongqing", hant: "重慶", hans: "重庆", grid: "southwest", caveat: SPLIT_SOUTHWEST },
  { en: "Tibet", hant: "西藏", hans: "西藏", grid: "southwest", caveat: SPLIT_SOUTHWEST },
  { en: "Shaanxi", hant: "陝西", hans: "陕西", grid: "northwest" },
  { en: "Gansu", hant: "甘肅", hans: "甘肃", grid: "northwest" },
  { en: "Qinghai", hant: "青海", hans: "青海", grid: "northwest" },
  { en: "Ningxia", hant: "寧夏", hans: "宁夏", grid: "northwest" },
  { en: "Xinjiang", hant: "新疆", hans: "新疆", grid: "northwest" },
  { en: "Guangdong", hant: "廣東", hans: "广东", grid: "south" },
  { en: "Guangxi", hant: "廣西", hans: "广西", grid: "south" },
  { en: "Yunnan", hant: "雲南", hans: "云南", grid: "south" },
  { en: "Guizhou", hant: "貴州", hans: "贵州", grid: "south" },
  { en: "Hainan", hant: "海南", hans: "海南", grid: "south" },
];

/** Texts that name a place with two power companies: the site must say which. */
const HONG_KONG = ["Hong Kong", "HK", "HKSAR", "香港", "香港特別行政區", "香港特别行政区"];

export type GridReading =
  | { readonly ok: true; readonly grid: GridDef; readonly province?: ProvinceDef; readonly note?: Bilingual }
  | { readonly ok: false; readonly reason: "blank" | "unknown" | "hong-kong" };

/** Lower case, full-width folded (NFKC), spaces, punctuation and brackets removed. */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.,;:'"()（）［］[\]{}、，。／/·]+/g, "");
}

/** Words around a grid or place name that do not change which it is. */
const SUFFIXES = [
  "regionalpowergrid",
  "regionalgrid",
  "powergrid",
  "electricpowergrid",
  "grid",
  "region",
  "區域電網",
  "区域电网",
  "電網",
  "电网",
  "地區",
  "地区",
  "區域",
  "区域",
  "自治區",
  "自治区",
  "特別行政區",
  "特别行政区",
  "壯族",
  "壮族",
  "回族",
  "維吾爾",
  "维吾尔",
  "province",
  "municipality",
  "autonomousregion",
  "省",
  "市",
];
const PREFIXES = ["stategrid", "國家電網", "国家电网", "國網", "国网"];

const byName = new Map<string, Hit>();
const hongKong = new Set(HONG_KONG.map(fold));
{
  const gridOf = (key: string) => GRIDS.find((g) => g.key === key)!;
  for (const g of GRIDS)
    for (const n of [g.key, g.label.en, g.label["zh-HK"], g.hans, ...g.aliases])
      byName.set(fold(n), { grid: g });
  for (const p of PROVINCES)
    for (const n of [p.en, p.hant, p.hans])
      if (!byName.has(fold(n))) byName.set(fold(n), { grid: gridOf(p.grid), province: p });
  // Guangxi, Ningxia, Xinjiang, Tibet and Inner Mongolia are also written with their full titles.
  byName.set(fold("Inner Mongolia Autonomous Region"), byName.get(fold("Inner Mongolia"))!);
}

interface Hit {
  readonly grid: GridDef;
  readonly province?: ProvinceDef;
}

function lookup(folded: string): Hit | "hong-kong" | null {
  if (folded === "") return null;
  if (hongKong.has(folded)) return "hong-kong";
  const direct = byName.get(folded);
  if (direct) return direct;
  let t = folded;
  for (const p of PREFIXES) if (t.startsWith(p) && t.length > p.length) t = t.slice(p.length);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of SUFFIXES)
      if (t.endsWith(s) && t.length > s.length) {
        t = t.slice(0, -s.length);
        changed = true;
      }
  }
  if (hongKong.has(t)) return "hong-kong";
  return byName.get(t) ?? null;
}

function provinceNote(p: ProvinceDef, g: GridDef): Bilingual {
  const base = bi(
    `${p.en} is in the ${g.label.en} grid: the ${g.label.en} regional factor is used`,
    `${p.hant}屬${g.label["zh-HK"]}電網：採用${g.label["zh-HK"]}區域電網因子`,
  );
  return p.caveat
    ? bi(`${base.en} (${p.caveat.en}).`, `${base["zh-HK"]}（${p.caveat["zh-HK"]}）。`)
    : bi(`${base.en}.`, `${base["zh-HK"]}。`);
}

/**
 * Reads a GridRegion text: a grid, a power company or a province (→ its grid, with a note). Text mixing
 * languages ("South China 南方電網") is read when every part names the same grid.
 */
export function readGrid(text: string): GridReading {
  // Factor lookups ask about the same few texts many times per run.
  const hit = readings.get(text);
  if (hit) return hit;
  const r = readGridUncached(text);
  if (readings.size > 1000) readings.clear();
  readings.set(text, r);
  return r;
}

const readings = new Map<string, GridReading>();

function readGridUncached(text: string): GridReading {
  const folded = fold(text);
  if (folded === "") return { ok: false, reason: "blank" };
  let hit = lookup(folded);
  if (hit === null) {
    // Runs of Han characters and of other characters, each read on its own: all must name the same grid.
    const runs = text.normalize("NFKC").match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
    const reads = runs
      .map(fold)
      .filter((r) => r !== "")
      .map(lookup);
    const hits = reads.filter((r): r is Hit => r !== null && r !== "hong-kong");
    if (
      reads.length > 1 &&
      hits.length === reads.length &&
      hits.every((r) => r.grid.key === hits[0].grid.key)
    )
      hit = hits.find((r) => r.province) ?? hits[0];
  }
  if (hit === "hong-kong") return { ok: false, reason: "hong-kong" };
  if (hit === null) return { ok: false, reason: "unknown" };
  return hit.province
    ? { ok: true, grid: hit.grid, province: hit.province, note: provinceNote(hit.province, hit.grid) }
    : { ok: true, grid: hit.grid };
}

/** The accepted values, in the order a picker offers them: grids, Hong Kong's companies, then provinces. */
export interface GridOption {
  /** The text to write in GridRegion. */
  readonly value: string;
  readonly label: Bilingual;
  readonly group: "grid" | "hong-kong" | "province";
  /** Key of the grid it stands for. */
  readonly grid: string;
}

export function gridOptions(): GridOption[] {
  const out: GridOption[] = [];
  for (const g of GRIDS)
    out.push({
      value: g.key === "south" ? "South China" : g.label.en,
      label: bi(`${g.label.en} / ${g.label["zh-HK"]}`, `${g.label["zh-HK"]}／${g.label.en}`),
      group: g.kind === "hk-company" ? "hong-kong" : "grid",
      grid: g.key,
    });
  for (const p of PROVINCES)
    out.push({
      value: p.en,
      label: bi(`${p.en} / ${p.hant}`, `${p.hant}／${p.en}`),
      group: "province",
      grid: p.grid,
    });
  return out;
}

/** Every accepted spelling of a grid or company (for the docs). */
export function gridSpellings(g: GridDef): string[] {
  return [...new Set([g.label.en, g.label["zh-HK"], g.hans, ...g.aliases])];
}
