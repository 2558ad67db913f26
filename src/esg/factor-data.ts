/**
 * The seeded factor table, from ../shared/reference/hkex-esg-kpis.md, "Factors for mainland-China
 * operations". Values reproduced from a secondary source say so in `source`; publication dates that are
 * known only roughly say so too. Confirm both against the primary documents before relying on them.
 */
import { bi } from "./bilingual";
import type { Factor, FactorKind, Gas } from "./factor-model";
import type { Bilingual } from "./types";


interface Provenance {
  readonly source: string;
  readonly publisher: string;
  readonly published: string;
  readonly geography: string;
  readonly series: string;
  readonly note?: string;
}

function factor(
  id: string,
  kind: FactorKind,
  key: string,
  label: Bilingual,
  value: number,
  unit: string,
  gas: Gas,
  dataYear: number | null,
  p: Provenance,
): Factor {
  return { id, kind, key, label, value, unit, gas, dataYear, origin: "seed", ...p };
}

// ---------------------------------------------------------------------------------------------
// Purchased electricity (location-based): MEE / NBS "电力二氧化碳排放因子", kg CO2 per kWh
// ---------------------------------------------------------------------------------------------

const MEE_NBS = "Ministry of Ecology and Environment (MEE) and National Bureau of Statistics (NBS) of the People's Republic of China";
const SECONDARY = " — value as reproduced by a secondary source (not the primary publication); confirm before relying on it";

/**
 * The MEE/NBS announcements and their dates (../shared/reference/grid-factors-verified.md §2a): the 2021
 * factors were announced on 12 April 2024, the 2022 factors on 20 December 2024, the 2023 factors on
 * 31 December 2025 (date and number from copies of the announcement).
 */
const ANNOUNCEMENTS: Readonly<Record<number, { readonly date: string; readonly number: string }>> = {
  2021: { date: "2024-04-12", number: "公告2024年第12号" },
  2022: { date: "2024-12-20", number: "公告2024年第33号" },
  2023: { date: "2025-12-31", number: "公告2025年第47号" },
};

function meeNbs(dataYear: number, secondary: boolean, series = "cn-mee-nbs"): Omit<Provenance, "geography"> {
  const a = ANNOUNCEMENTS[dataYear];
  return {
    source: `MEE and NBS, announcement of the ${dataYear} electricity CO2 emission factors (关于发布${dataYear}年电力二氧化碳排放因子的公告, ${a.number})${secondary ? SECONDARY : ""}`,
    publisher: MEE_NBS,
    published: `${a.date} (${a.number}; date as reproduced by secondary sources)`,
    series,
  };
}

const GRID_UNIT = "kg CO2/kWh";

interface GridRow {
  readonly key: string;
  readonly label: Bilingual;
  readonly geography: string;
  /** data year → value; `secondary` lists the years reproduced from a secondary source. */
  readonly values: Readonly<Record<number, number>>;
  readonly secondary: readonly number[];
}

const GRIDS: readonly GridRow[] = [
  { key: "national", label: bi("China national grid average", "全國電網平均"), geography: "CN", values: { 2021: 0.5568, 2022: 0.5366, 2023: 0.5306 }, secondary: [] },
  { key: "north", label: bi("North China grid", "華北電網"), geography: "CN (North China grid)", values: { 2021: 0.712, 2022: 0.6776, 2023: 0.6361 }, secondary: [2021, 2022] },
  { key: "northeast", label: bi("Northeast China grid", "東北電網"), geography: "CN (Northeast China grid)", values: { 2021: 0.6012, 2022: 0.5564, 2023: 0.5122 }, secondary: [2021, 2022] },
  { key: "east", label: bi("East China grid", "華東電網"), geography: "CN (East China grid)", values: { 2021: 0.5992, 2022: 0.5617, 2023: 0.55 }, secondary: [2021, 2022] },
  { key: "central", label: bi("Central China grid", "華中電網"), geography: "CN (Central China grid)", values: { 2021: 0.5354, 2022: 0.5395, 2023: 0.5271 }, secondary: [2021, 2022] },
  { key: "northwest", label: bi("Northwest China grid", "西北電網"), geography: "CN (Northwest China grid)", values: { 2021: 0.5951, 2022: 0.5857, 2023: 0.5543 }, secondary: [2021, 2022] },
  { key: "south", label: bi("China Southern grid", "南方電網"), geography: "CN (China Southern grid)", values: { 2021: 0.4326, 2022: 0.3869, 2023: 0.4042 }, secondary: [2021, 2022] },
  { key: "southwest", label: bi("Southwest China grid", "西南電網"), geography: "CN (Southwest China grid)", values: { 2021: 0.2113, 2022: 0.2268, 2023: 0.2472 }, secondary: [2021, 2022] },
  // Provinces, 2021 and 2022, all from the secondary source. Geography as ISO 3166-2 codes. A GridRegion
  // naming a province reads as its regional grid (grids.ts); these are reachable by key ("province-xinjiang").
  { key: "province-xinjiang", label: bi("Xinjiang", "新疆"), geography: "CN-XJ", values: { 2021: 0.6577, 2022: 0.6231 }, secondary: [2021, 2022] },
  { key: "province-shanxi", label: bi("Shanxi", "山西"), geography: "CN-SX", values: { 2021: 0.7222, 2022: 0.7096 }, secondary: [2021, 2022] },
  { key: "province-shaanxi", label: bi("Shaanxi", "陝西"), geography: "CN-SN", values: { 2021: 0.6336, 2022: 0.6558 }, secondary: [2021, 2022] },
  { key: "province-ningxia", label: bi("Ningxia", "寧夏"), geography: "CN-NX", values: { 2021: 0.6546, 2022: 0.6423 }, secondary: [2021, 2022] },
  { key: "province-inner-mongolia", label: bi("Inner Mongolia", "內蒙古"), geography: "CN-NM", values: { 2021: 0.7025, 2022: 0.6849 }, secondary: [2021, 2022] },
];

function gridFactors(): Factor[] {
  const out: Factor[] = [];
  for (const g of GRIDS) {
    for (const [year, value] of Object.entries(g.values)) {
      const y = Number(year);
      out.push(
        factor(`cn.grid.${g.key.replace(/^province-/, "")}.${y}`, "grid", g.key, g.label, value, GRID_UNIT, "CO2", y, {
          ...meeNbs(y, g.secondary.includes(y)),
          geography: g.geography,
        }),
      );
    }
  }
  return out;
}

const NATIONAL_OTHER_COLUMNS: readonly Factor[] = [
  factor(
    "cn.grid.national.excl-market-non-fossil.2021",
    "grid",
    "national",
    bi("China national grid, excluding market-traded non-fossil power", "全國電網（不包括市場化交易的非化石能源電量）"),
    0.5942,
    GRID_UNIT,
    "CO2",
    2021,
    { ...meeNbs(2021, false, "cn-mee-nbs-excl-market-non-fossil"), geography: "CN" },
  ),
  factor(
    "cn.grid.national.excl-market-non-fossil.2023",
    "grid",
    "national",
    bi("China national grid, excluding market-traded non-fossil power", "全國電網（不包括市場化交易的非化石能源電量）"),
    0.6096,
    GRID_UNIT,
    "CO2",
    2023,
    { ...meeNbs(2023, false, "cn-mee-nbs-excl-market-non-fossil"), geography: "CN" },
  ),
  factor("cn.grid.national.fossil.2023", "grid", "national", bi("China fossil power", "全國化石能源電力"), 0.8273, GRID_UNIT, "CO2", 2023, {
    ...meeNbs(2023, false, "cn-mee-nbs-fossil"),
    geography: "CN",
  }),
];

/** The national carbon market's grid average: a different series from the statistical factor (0.5366 for 2022). */
const CARBON_MARKET: Factor = factor(
  "cn.ets.grid.national.2022",
  "grid",
  "national",
  bi("China national carbon market: national grid average", "全國碳市場：全國電網平均排放因子"),
  0.5703,
  "t CO2/MWh",
  "CO2",
  2022,
  {
    source:
      "MEE notice on greenhouse gas emission reporting and management of power generation enterprises for 2023–2025 (national carbon emissions trading market): national grid average emission factor for 2022",
    publisher: "Ministry of Ecology and Environment of the People's Republic of China (MEE)",
    published: "2023",
    geography: "CN",
    series: "cn-ets",
    note: "Carbon-market compliance series; not the MEE/NBS statistical factor for 2022 (0.5366 kg CO2/kWh).",
  },
);

// ---------------------------------------------------------------------------------------------
// Fuels: China accounting-guideline defaults (NCV × carbon content × oxidation × 44/12)
// ---------------------------------------------------------------------------------------------

const GUIDELINE: Provenance = {
  source:
    "China greenhouse gas emission accounting methods and reporting guidelines for enterprises (企业温室气体排放核算方法与报告指南), default fuel parameters" +
    " — values as reproduced by a secondary source that matches the newer guideline tables; confirm before relying on them as defaults",
  publisher: "National Development and Reform Commission (NDRC) / Ministry of Ecology and Environment (MEE) of the People's Republic of China",
  published: "not confirmed (newer guideline tables)",
  geography: "CN",
  series: "cn-guideline",
};

interface FuelRow {
  readonly key: string;
  readonly label: Bilingual;
  /** Unit of fuel the NCV and the CO2 factor are per: "t" or "10⁴ Nm³". */
  readonly per: string;
  readonly ncv: number;
  readonly carbon: number;
  readonly oxidation: number;
  readonly co2: number;
}

const FUELS: readonly FuelRow[] = [
  { key: "diesel", label: bi("Diesel", "柴油"), per: "t", ncv: 43.33, carbon: 0.0202, oxidation: 0.98, co2: 3.145 },
  { key: "gasoline", label: bi("Gasoline (petrol)", "汽油"), per: "t", ncv: 44.8, carbon: 0.0189, oxidation: 0.98, co2: 3.043 },
  { key: "lpg", label: bi("Liquefied petroleum gas", "液化石油氣"), per: "t", ncv: 47.31, carbon: 0.0172, oxidation: 0.99, co2: 2.954 },
  { key: "anthracite", label: bi("Anthracite", "無煙煤"), per: "t", ncv: 24.515, carbon: 0.02749, oxidation: 0.94, co2: 2.323 },
  { key: "bituminous", label: bi("Bituminous coal", "煙煤"), per: "t", ncv: 23.204, carbon: 0.02618, oxidation: 0.93, co2: 2.072 },
  { key: "coke", label: bi("Coke", "焦炭"), per: "t", ncv: 28.446, carbon: 0.0294, oxidation: 0.93, co2: 2.852 },
  { key: "natural-gas", label: bi("Natural gas", "天然氣"), per: "10⁴ Nm³", ncv: 389.31, carbon: 0.0153, oxidation: 0.99, co2: 21.62 },
  { key: "coke-oven-gas", label: bi("Coke-oven gas", "焦爐煤氣"), per: "10⁴ Nm³", ncv: 173.854, carbon: 0.0136, oxidation: 0.99, co2: 8.583 },
];

function fuelFactors(): Factor[] {
  return FUELS.flatMap((f) => [
    factor(`cn.ncv.${f.key}`, "ncv", f.key, f.label, f.ncv, `GJ/${f.per}`, "energy", null, GUIDELINE),
    factor(`cn.carbon.${f.key}`, "carbon-content", f.key, f.label, f.carbon, "t C/GJ", "CO2", null, GUIDELINE),
    factor(`cn.oxidation.${f.key}`, "oxidation", f.key, f.label, f.oxidation, "fraction", "CO2", null, GUIDELINE),
    factor(`cn.co2.${f.key}`, "fuel-co2", f.key, f.label, f.co2, `t CO2/${f.per}`, "CO2", null, {
      ...GUIDELINE,
      note: "NCV × carbon content × oxidation × 44/12, as tabulated (rounded).",
    }),
  ]);
}

const OLDER_DIESEL_NCV: Factor = factor("cn.ncv.diesel.older", "ncv", "diesel", bi("Diesel", "柴油"), 42.652, "GJ/t", "energy", null, {
  ...GUIDELINE,
  source:
    "China greenhouse gas emission accounting guidelines for enterprises, older editions (NDRC, 2013–2015), diesel NCV — value as reproduced by a secondary source; confirm before relying on it",
  publisher: "National Development and Reform Commission (NDRC) of the People's Republic of China",
  published: "2013–2015",
  series: "cn-guideline-older",
});

// ---------------------------------------------------------------------------------------------
// IPCC 2006 stationary-combustion defaults (kg per TJ, net calorific basis) and AR6 GWPs
// ---------------------------------------------------------------------------------------------

const IPCC_2006: Provenance = {
  source:
    "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 2 Energy, Chapter 2 Stationary Combustion: default emission factors (kg per TJ on a net calorific basis)",
  publisher: "Intergovernmental Panel on Climate Change (IPCC), National Greenhouse Gas Inventories Programme (IGES)",
  published: "2006",
  geography: "global (IPCC default)",
  series: "ipcc-2006",
};

const IPCC_DEFAULTS: readonly Factor[] = [
  factor("ipcc2006.diesel.co2", "ipcc", "diesel", bi("Gas/diesel oil", "柴油"), 74_100, "kg CO2/TJ", "CO2", null, IPCC_2006),
  factor("ipcc2006.diesel.ch4", "ipcc", "diesel", bi("Gas/diesel oil", "柴油"), 3, "kg CH4/TJ", "CH4", null, IPCC_2006),
  factor("ipcc2006.diesel.n2o", "ipcc", "diesel", bi("Gas/diesel oil", "柴油"), 0.6, "kg N2O/TJ", "N2O", null, IPCC_2006),
  factor("ipcc2006.bituminous.co2", "ipcc", "bituminous", bi("Other bituminous coal", "煙煤"), 94_600, "kg CO2/TJ", "CO2", null, IPCC_2006),
  factor("ipcc2006.natural-gas.co2", "ipcc", "natural-gas", bi("Natural gas", "天然氣"), 56_100, "kg CO2/TJ", "CO2", null, IPCC_2006),
];

const AR6: Provenance = {
  source: "IPCC Sixth Assessment Report, Working Group I, Climate Change 2021: The Physical Science Basis, Chapter 7: 100-year global warming potentials (GWP-100)",
  publisher: "Intergovernmental Panel on Climate Change (IPCC)",
  published: "2021",
  geography: "global",
  series: "ipcc-ar6",
};

const GWPS: readonly Factor[] = [
  factor("ar6.gwp100.co2", "gwp", "CO2", bi("Carbon dioxide", "二氧化碳"), 1, "t CO2e/t CO2", "CO2", null, { ...AR6, note: "1 by definition." }),
  factor("ar6.gwp100.ch4-fossil", "gwp", "CH4", bi("Methane (fossil)", "甲烷（化石來源）"), 29.8, "t CO2e/t CH4", "CH4", null, AR6),
  factor("ar6.gwp100.ch4-non-fossil", "gwp", "CH4-non-fossil", bi("Methane (non-fossil)", "甲烷（非化石來源）"), 27, "t CO2e/t CH4", "CH4", null, AR6),
  factor("ar6.gwp100.n2o", "gwp", "N2O", bi("Nitrous oxide", "氧化亞氮"), 273, "t CO2e/t N2O", "N2O", null, AR6),
];

// ---------------------------------------------------------------------------------------------
// Hong Kong: the power companies' own factors per unit of electricity sold (their sustainability reports)
// ---------------------------------------------------------------------------------------------

/**
 * Seeded only where a source gives the Hong Kong supply factor itself (grid-factors-verified.md §1):
 * CLP Power Hong Kong 2019, HK Electric 2017–2019. CLP's 0.62 / 0.57 are the CLP Group portfolio, not
 * Hong Kong's supply, and are not seeded; CLP 2020 (0.37, basis not stated) and the 2023 figures found
 * only in an unverified copy are not seeded either. A Hong Kong site in a year with no seeded factor
 * needs the company's figure in ESG_Factors (kind grid, key clp or hk-electric, data year).
 */
const CLP_2019: Factor = factor("hk.grid.clp.2019", "grid", "clp", bi("CLP Power Hong Kong", "中華電力"), 0.49, "kg CO2/kWh", "CO2", 2019, {
  source:
    "CLP Holdings, Sustainability Report 2019: carbon intensity of the electricity sold by CLP Power Hong Kong" +
    " — value as reproduced by a secondary source (justmeans.com, 18 May 2020, 'CLP on Track for Further Carbon Intensity Reductions'); confirm before relying on it",
  publisher: "CLP Holdings Limited",
  published: "2020-05-18 (date of the secondary report of CLP's Sustainability Report 2019)",
  geography: "HK (CLP Power Hong Kong supply area)",
  series: "hk-power-company",
});

function hkElectric(dataYear: number, value: number): Factor {
  return factor(`hk.grid.hk-electric.${dataYear}`, "grid", "hk-electric", bi("HK Electric", "港燈"), value, "kg CO2e/kWh", "CO2e", dataYear, {
    source:
      "HK Electric Investments, Sustainability Report 2019, p. 73: CO2e per unit of electricity sold" +
      " — value as reproduced by a secondary source (esg.hkubs.ai KPI extraction of the report); confirm before relying on it",
    publisher: "HK Electric Investments Limited / The Hongkong Electric Company, Limited",
    published: "2020-04-02 (Sustainability Report 2019)",
    geography: "HK (HK Electric supply area: Hong Kong Island and Lamma)",
    series: "hk-power-company",
  });
}

const HK_POWER: readonly Factor[] = [CLP_2019, hkElectric(2017, 0.79), hkElectric(2018, 0.8), hkElectric(2019, 0.81)];

// ---------------------------------------------------------------------------------------------
// Sector guideline: magnesium smelting (镁冶炼企业温室气体排放核算方法与报告指南)
// ---------------------------------------------------------------------------------------------

/**
 * The year: NDRC's notice 发改办气候〔2013〕2526号 issued the first batch of ten sector guidelines (trial) in
 * 2013 (copies of the notice; news of 5 November 2013 on the batch). The magnesium guideline is taken to
 * be in that batch from its place in copies of it (file "6、《中国镁冶炼企业温室气体排放核算方法与报告指南
 * （试行）》", the ceramics guideline being "Annex 9"), not from the notice's own list, which was not seen.
 */
const MAGNESIUM: Provenance = {
  source:
    "Greenhouse gas emission accounting methods and reporting guidelines for magnesium smelting enterprises (镁冶炼企业温室气体排放核算方法与报告指南（试行）), default fuel parameters" +
    " — values as reproduced by a secondary source; confirm before relying on them",
  publisher: "National Development and Reform Commission (NDRC) of the People's Republic of China",
  published: "2013",
  geography: "CN",
  series: "cn-guideline-magnesium",
  note:
    "year 2013 from NDRC notice 发改办气候〔2013〕2526号, which issued the first batch of ten sector guidelines (read in secondary copies); that the magnesium guideline is in that batch is inferred from its place (sixth) in copies of the batch, not seen in the notice's list",
};

const MAGNESIUM_FACTORS: readonly Factor[] = [
  factor("cn-mg.ncv.bituminous", "ncv", "bituminous", bi("Bituminous coal", "煙煤"), 19.57, "GJ/t", "energy", null, MAGNESIUM),
  factor("cn-mg.ncv.anthracite", "ncv", "anthracite", bi("Anthracite", "無煙煤"), 20.304, "GJ/t", "energy", null, MAGNESIUM),
  factor("cn-mg.ncv.diesel", "ncv", "diesel", bi("Diesel", "柴油"), 42.652, "GJ/t", "energy", null, MAGNESIUM),
  factor("cn-mg.ncv.coke-oven-gas", "ncv", "coke-oven-gas", bi("Coke-oven gas", "焦爐煤氣"), 173.54, "GJ/10⁴ Nm³", "energy", null, MAGNESIUM),
  factor("cn-mg.carbon.coke-oven-gas", "carbon-content", "coke-oven-gas", bi("Coke-oven gas", "焦爐煤氣"), 12.1, "t C/TJ", "CO2", null, MAGNESIUM),
  factor("cn-mg.ncv.semi-coke-gas", "ncv", "semi-coke-gas", bi("Semi-coke gas", "半焦氣（蘭炭尾氣）"), 81, "GJ/10⁴ Nm³", "energy", null, MAGNESIUM),
  factor("cn-mg.carbon.semi-coke-gas", "carbon-content", "semi-coke-gas", bi("Semi-coke gas", "半焦氣（蘭炭尾氣）"), 11.96, "t C/TJ", "CO2", null, MAGNESIUM),
  factor("cn-mg.oxidation.semi-coke-gas", "oxidation", "semi-coke-gas", bi("Semi-coke gas", "半焦氣（蘭炭尾氣）"), 0.99, "fraction", "CO2", null, MAGNESIUM),
];

// ---------------------------------------------------------------------------------------------
// Process emissions
// ---------------------------------------------------------------------------------------------

/** CaMg(CO3)2 → CaO·MgO + 2 CO2: 2 × 44.009 / 184.399 = 0.4773 t CO2 per t of pure dolomite. */
const DOLOMITE: Factor = factor("stoich.process.dolomite", "process", "dolomite", bi("Dolomite calcination", "白雲石煅燒"), 0.477, "t CO2/t", "CO2", null, {
  source:
    "Stoichiometry of dolomite calcination, CaMg(CO3)2 → CaO·MgO + 2 CO2 (molar masses 184.40 and 2 × 44.01 g/mol), per tonne of pure dolomite; the source the magnesium smelting guideline counts as industrial process emissions (白云石煅烧分解)",
  publisher: "stoichiometry (IUPAC standard atomic weights)",
  published: "not applicable (stoichiometric constant)",
  geography: "global",
  series: "stoichiometry",
  note: "Per tonne of pure dolomite: for ore of lower purity, enter the group's own factor (ESG_Factors, id stoich.process.dolomite) or ProcessCO2.",
});

// ---------------------------------------------------------------------------------------------
// Biomass: IPCC 2006 defaults for wood / wood waste (CO2 biogenic, reported apart from the scopes)
// ---------------------------------------------------------------------------------------------

/**
 * Checked (issue 10) against transcriptions of the IPCC tables, not the IPCC volume itself: Tables 2.2
 * (energy industries) and 2.3 (manufacturing industries and construction) in iClimate/ghgpy
 * (src/ghgpy/data/efs.py, from V2_2_Ch2_Stationary_Combustion.pdf) give wood/wood waste 112,000 kg CO2,
 * 30 kg CH4 and 4 kg N2O per TJ in both sectors (commercial and residential use are higher: CH4 300);
 * another public code table gives the NCV 15.6 TJ/Gg with the same CO2 factor. The values agree.
 */
const IPCC_2006_BIOMASS_CHECK =
  "values agree with transcriptions of the IPCC tables in public code (secondary: wood/wood waste NCV 15.6 TJ/Gg, 112,000 kg CO2, 30 kg CH4 and 4 kg N2O per TJ for manufacturing industries and construction), not checked against the IPCC volume itself";

const IPCC_2006_BIOMASS: Provenance = {
  source:
    "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 2 Energy: Chapter 1 Table 1.2 (default NCV, wood/wood waste) and Chapter 2 Table 2.3 (manufacturing industries and construction, default emission factors, wood/wood waste)",
  publisher: "Intergovernmental Panel on Climate Change (IPCC), National Greenhouse Gas Inventories Programme (IGES)",
  published: "2006",
  geography: "global (IPCC default)",
  series: "ipcc-2006",
  note: IPCC_2006_BIOMASS_CHECK,
};

const BIOMASS: readonly Factor[] = [
  factor("ipcc2006.ncv.wood", "ncv", "wood", bi("Wood / wood pellets", "木材／木顆粒"), 15.6, "GJ/t", "energy", null, { ...IPCC_2006_BIOMASS, note: `IPCC default NCV (15.6 TJ/Gg), as the China guideline gives none for wood; ${IPCC_2006_BIOMASS_CHECK}` }),
  factor("ipcc2006.wood.co2", "ipcc", "wood", bi("Wood / wood pellets (biogenic CO2)", "木材／木顆粒（生物源二氧化碳）"), 112_000, "kg CO2/TJ", "CO2", null, IPCC_2006_BIOMASS),
  factor("ipcc2006.wood.ch4", "ipcc", "wood", bi("Wood / wood pellets", "木材／木顆粒"), 30, "kg CH4/TJ", "CH4", null, IPCC_2006_BIOMASS),
  factor("ipcc2006.wood.n2o", "ipcc", "wood", bi("Wood / wood pellets", "木材／木顆粒"), 4, "kg N2O/TJ", "N2O", null, IPCC_2006_BIOMASS),
];

// ---------------------------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------------------------

const DIESEL_DENSITY: Factor = factor("convention.density.diesel", "density", "diesel", bi("Diesel", "柴油"), 0.84, "kg/L", "none", null, {
  source: "Convention: diesel density taken as 0.84 kg/L, the value commonly used to turn litres of diesel into tonnes (a stated assumption, not a measurement)",
  publisher: "convention (stated by this product)",
  published: "not applicable (convention)",
  geography: "global",
  series: "convention",
  note: "Replace with the supplier's density in the workbook's factor table where known.",
});

const GASOLINE_DENSITY: Factor = factor("convention.density.gasoline", "density", "gasoline", bi("Gasoline (petrol)", "汽油"), 0.74, "kg/L", "none", null, {
  source:
    "Convention: petrol density taken as 0.74 kg/L, inside the 720–775 kg/m³ (20 °C) range of China's motor gasoline standard GB 17930 (a stated assumption, not a measurement)",
  publisher: "convention (stated by this product)",
  published: "not applicable (convention)",
  geography: "CN",
  series: "convention",
  note: "Replace with the supplier's density in the workbook's factor table where known.",
});

/** Every seeded factor. A workbook adds or overrides factors through withOverrides (factor-table.ts). */
export const SEED_FACTORS: readonly Factor[] = [
  ...gridFactors(),
  ...NATIONAL_OTHER_COLUMNS,
  CARBON_MARKET,
  ...HK_POWER,
  ...fuelFactors(),
  OLDER_DIESEL_NCV,
  ...MAGNESIUM_FACTORS,
  DOLOMITE,
  ...BIOMASS,
  ...IPCC_DEFAULTS,
  ...GWPS,
  DIESEL_DENSITY,
  GASOLINE_DENSITY,
];
