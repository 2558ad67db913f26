/**
 * Energy and greenhouse-gas formulas: fuel to kWh through the net calorific value, Scope 1 combustion
 * emissions (China accounting guideline or IPCC 2006 with AR6 GWPs) and Scope 2 location-based
 * emissions. Every result states its formula in words (en / zh-HK), each conversion it made and the ids
 * of the factors it used. Nothing throws: a bad input or a missing factor is a typed problem.
 */
export * from "./outcome";
export { GENERAL_GUIDELINES } from "./work";
export { biomassEmissions, fuelEmissions, fuelToKwh, type BiomassEmissionsResult } from "./fuels";
export { HK_POWER_SERIES, scope2Location, type GridChoice } from "./scope2";
