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
export function turnover(leavers: unknown[][], opening: unknown[][], closing?: unknown[][], method?: unknown[][]): unknown[][] {
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
 * Converts a value between units of the same kind (energy, mass, volume, gas volume), e.g. MWh to kWh or 10⁴ Nm³ to m³. Unknown or incompatible units give #N/A. A blank value counts as 0.
 * @customfunction CONVERT
 * @param value The value to convert.
 * @param from_unit The unit of the value, e.g. "MWh", "GJ", "t", "m³".
 * @param to_unit The unit wanted.
 * @returns The value in to_unit.
 */
export function convert(value: unknown[][], from_unit: unknown[][], to_unit: unknown[][]): unknown[][] {
  return FUNCTIONS.CONVERT([value, from_unit, to_unit]);
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
