/**
 * The custom functions of the ESG namespace (=ESG.INTENSITY(…) and friends), declared with the JSDoc
 * tags that custom-functions-metadata reads to write functions.json at build. Each is a one-line
 * wrapper over the function table (table.ts); the table calls the engine.
 *
 * Rules of the metadata generator followed here (custom-functions-metadata src/parseTree.ts): only
 * top-level `function` declarations are read; a range parameter is `T[][]` (`T[]` would be a
 * repeating parameter); `unknown` becomes the type "any", which lets text and numbers reach the
 * argument layer; no `{type}` in the JSDoc. The ids after @customfunction are stored in users'
 * workbooks and must never change. Descriptions stay on one line each (a line break would show in
 * Excel's help). Traditional Chinese names and help are in locales/zh-TW.json.
 */
import { runtimeOrStandIn } from "./runtime";
import { FUNCTIONS } from "./table";

// The metadata plugin's loader appends `CustomFunctions.associate("ID", fn)` for each function below
// to this file. Binding the name here makes those calls use the real runtime inside Excel and a no-op
// elsewhere (a page opened outside Excel, tests), instead of a ReferenceError.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const CustomFunctions = runtimeOrStandIn();

/**
 * Intensity: amount ÷ denominator × scale, e.g. kWh per tonne of product or t CO2e per HK$ million of revenue. Takes cells or ranges; ranges spill one result per cell. A blank cell counts as 0 (Excel passes it so), so a blank denominator gives #DIV/0!.
 * @customfunction INTENSITY
 * @param amount The consumption or emissions (a number, a cell or a range).
 * @param denominator The output, floor area, revenue or headcount to divide by.
 * @param [scale] Multiplier for the result, e.g. 1000000 for "per million". Omitted: 1.
 * @returns The intensity for each cell.
 */
export function intensity(amount: unknown[][], denominator: unknown[][], scale?: unknown[][]): unknown[][] {
  return FUNCTIONS.INTENSITY([amount, denominator, scale]);
}

/**
 * Employee turnover rate (HKEX KPI B1.2): leavers ÷ headcount. Method "average" divides by (opening + closing) ÷ 2, "closing" by the closing headcount. A blank cell counts as 0.
 * @customfunction TURNOVER
 * @param leavers Employees who left during the year.
 * @param opening Headcount at the start of the year.
 * @param [closing] Headcount at the end of the year. Omitted: the opening headcount stands for the average.
 * @param [method] "average" (default) or "closing".
 * @returns The turnover rate as a fraction (format the cell as a percentage).
 */
export function turnover(
  leavers: unknown[][],
  opening: unknown[][],
  closing?: unknown[][],
  method?: unknown[][],
): unknown[][] {
  return FUNCTIONS.TURNOVER([leavers, opening, closing, method]);
}

/**
 * Share of employees trained (HKEX KPI B3.1): trained ÷ headcount of the same group. A blank cell counts as 0.
 * @customfunction TRAININGRATE
 * @param trained Employees of the group who took part in training.
 * @param headcount Employees in the group.
 * @returns The share trained as a fraction (format the cell as a percentage).
 */
export function trainingRate(trained: unknown[][], headcount: unknown[][]): unknown[][] {
  return FUNCTIONS.TRAININGRATE([trained, headcount]);
}

/**
 * Average training hours per employee (HKEX KPI B3.2): hours ÷ employees of the same group. A blank cell counts as 0.
 * @customfunction AVGHOURS
 * @param hours Total training hours of the group.
 * @param employees Employees in the group.
 * @returns Average hours per employee.
 */
export function averageHours(hours: unknown[][], employees: unknown[][]): unknown[][] {
  return FUNCTIONS.AVGHOURS([hours, employees]);
}

/**
 * Energy in kWh (HKEX KPI A2.1). With a fuel, the amount of fuel (t, L, m³, Nm³ …) times its net calorific value from the factor library; without, an amount already in an energy unit (MWh, GJ …) converted to kWh. A blank amount counts as 0.
 * @customfunction ENERGY
 * @param amount The quantity used.
 * @param unit The unit of the amount, e.g. "t", "L", "m³", "MWh", "GJ".
 * @param [fuel] The fuel, e.g. "diesel", "natural gas", "柴油". Omitted or blank: the amount is already energy.
 * @returns Energy in kWh.
 */
export function energy(amount: unknown[][], unit: unknown[][], fuel?: unknown[][]): unknown[][] {
  return FUNCTIONS.ENERGY([amount, unit, fuel]);
}

/**
 * Converts a value between units of the same kind (energy, mass, volume, gas volume), e.g. MWh to kWh or 10⁴ Nm³ to m³. Unknown or incompatible units give #N/A. A blank value counts as 0.
 * @customfunction UNITCONVERT
 * @param value The value to convert.
 * @param from_unit The unit of the value, e.g. "MWh", "GJ", "t", "m³".
 * @param to_unit The unit wanted.
 * @returns The value in to_unit.
 */
export function unitConvert(value: unknown[][], from_unit: unknown[][], to_unit: unknown[][]): unknown[][] {
  return FUNCTIONS.UNITCONVERT([value, from_unit, to_unit]);
}

/**
 * Emissions in t CO2e. For a fuel: combustion emissions (Scope 1) by the China accounting guideline; for a grid name or a grid factor id: purchased electricity (Scope 2, location-based). A blank amount counts as 0.
 * @customfunction EMISSIONS
 * @param amount The quantity used.
 * @param unit The unit of the amount, e.g. "t", "L", "m³", "kWh".
 * @param fuel_or_factor_id A fuel ("diesel"), a grid ("national", "華北") or a factor id from ESG.FACTOR ("cn.grid.north.2022").
 * @param [year] Reporting year for a grid's factor: that data year or the latest earlier one. Omitted: the latest. Fuel factors do not depend on the year.
 * @returns Emissions in t CO2e.
 */
export function emissions(
  amount: unknown[][],
  unit: unknown[][],
  fuel_or_factor_id: unknown[][],
  year?: unknown[][],
): unknown[][] {
  return FUNCTIONS.EMISSIONS([amount, unit, fuel_or_factor_id, year]);
}

/**
 * Scope 2 emissions, location-based, in t CO2: purchased electricity × the grid's emission factor (China MEE/NBS statistical series unless another series is named). A blank amount counts as 0.
 * @customfunction SCOPE2
 * @param kwh Purchased electricity in kWh.
 * @param grid The grid or province, e.g. "national", "north", "Guangdong", "華南".
 * @param [year] Reporting year: that data year's factor or the latest earlier one. Omitted: the latest.
 * @param [series] Factor series id. Omitted: "cn-mee-nbs", the statistical series (not the carbon market's).
 * @returns Emissions in t CO2.
 */
export function scope2(
  kwh: unknown[][],
  grid: unknown[][],
  year?: unknown[][],
  series?: unknown[][],
): unknown[][] {
  return FUNCTIONS.SCOPE2([kwh, grid, year, series]);
}

/**
 * A factor from the add-in's library with its provenance: by factor id, or by fuel (its CO2 factor) or grid (its latest factor).
 * @customfunction FACTOR
 * @param id_or_fuel A factor id ("cn.grid.national.2022"), a fuel ("diesel") or a grid ("north").
 * @param [field] "value" (default), "unit", "source", "year", "publisher", "series" or "id". A factor without a data year gives a blank year.
 * @returns The factor's field.
 */
export function factor(id_or_fuel: unknown[][], field?: unknown[][]): unknown[][] {
  return FUNCTIONS.FACTOR([id_or_fuel, field]);
}

/**
 * Year-on-year change: (current − prior) ÷ |prior|. A blank cell counts as 0, so a blank prior year gives #DIV/0!.
 * @customfunction YOY
 * @param current This year's figure.
 * @param prior Last year's figure.
 * @returns The relative change as a fraction (format the cell as a percentage).
 */
export function yoy(current: unknown[][], prior: unknown[][]): unknown[][] {
  return FUNCTIONS.YOY([current, prior]);
}

/**
 * What a total has beyond its parts: total − sum of parts, 0 when the breakdown adds up. One total takes all of parts; a column of totals takes parts row by row; a row of totals column by column. Blank parts count as 0.
 * @customfunction CHECKSUM
 * @param total The reported total (a cell, or a column or row of totals).
 * @param parts The breakdown (a range).
 * @returns The difference for each total.
 */
export function checksum(total: unknown[][], parts: unknown[][]): unknown[][] {
  return FUNCTIONS.CHECKSUM([total, parts]);
}
