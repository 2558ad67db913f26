/**
 * Industries whose greenhouse-gas accounting has its own rules: the process emissions Scope 1 must hold
 * and the sector guideline whose fuel defaults come first. Only industries with a sourced guideline
 * are listed; cement, lime, steel and aluminium take the same shape when their guidelines are seeded.
 */
import type { Bilingual } from "./types";

export interface IndustryDef {
  readonly id: string;
  readonly label: Bilingual;
  /** Fuel-parameter series tried first (factor-data.ts), before the general China guideline. */
  readonly guidelines: readonly string[];
  /** Metrics any one of which states the process emissions; empty when the industry has none to expect. */
  readonly processMetrics: readonly string[];
  /** What the process emissions are, for the finding and the table row. */
  readonly process?: Bilingual;
}

export const INDUSTRIES: readonly IndustryDef[] = [
  {
    id: "general",
    label: { en: "General (no sector guideline)", "zh-HK": "一般（無行業指南）" },
    guidelines: [],
    processMetrics: [],
  },
  {
    id: "magnesium-pidgeon",
    label: { en: "Magnesium smelting, Pidgeon process", "zh-HK": "鎂冶煉（皮江法）" },
    // 镁冶炼企业温室气体排放核算方法与报告指南: its scope includes dolomite calcination (工业生产过程排放).
    guidelines: ["cn-guideline-magnesium"],
    processMetrics: ["dolomite_calcined", "process_co2"],
    process: { en: "CO2 from calcining dolomite", "zh-HK": "白雲石煅燒產生的二氧化碳" },
  },
];

export type IndustryId = string;

export function industryOf(id: string): IndustryDef {
  return INDUSTRIES.find((i) => i.id === id) ?? INDUSTRIES[0];
}
