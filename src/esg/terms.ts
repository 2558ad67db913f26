/**
 * Words the report uses for one concept, defined once so every sheet, footnote, formula text and pane
 * says the same thing in both languages.
 */
import type { Bilingual } from "./types";

/**
 * Scope 2 at the average factor of the grid where the electricity is used (GHG Protocol Scope 2
 * Guidance: "location-based"). HKEX's Chinese text of Appendix C2 writes it 按地點計算 in one place and
 * 按所在地計算 in another (../shared/reference/hkex-esg-kpis.md, "Verified after review"): the product
 * uses 按地點計算 everywhere, as the KPI catalogue does.
 */
export const LOCATION_BASED: Bilingual = { en: "location-based", "zh-HK": "按地點計算" };

/** The other Chinese rendering of location-based, which the report must never print. */
export const LOCATION_BASED_NOT_USED = "按所在地計算";
