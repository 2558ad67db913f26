/**
 * KPI result ids: the spec files give results these ids, and the checks, the content index and the
 * disclosure sections find them by these constants (never retyped). A result id starts with its HKEX
 * KPI code (catalog.ts); a breakdown row's id is its prefix and the row's key (e.g. "B1.1.gender.female").
 */
export const KPI_ID = {
  /** A1.2 Scope 1 total (also Part D Scope 1). */
  scope1: "A1.2.scope1",
  /** A1.2 Scope 2 total, location-based (also Part D Scope 2). */
  scope2: "A1.2.scope2",
  ghgTotal: "A1.2.total",
  ghgIntensity: "A1.2.intensity",
  energyTotal: "A2.1.total.energy",
  energyIntensity: "A2.1.total.intensity",
  waterAmount: "A2.2.water.amount",
  waterIntensity: "A2.2.water.intensity",
  packagingTotal: "A2.5.total",
  packagingIntensity: "A2.5.intensity",
  workforce: "B1.1.total",
  turnover: "B1.2.total",
  turnoverStated: "B1.2.stated",
  fatalityRate: "B2.1.rate",
  lostDays: "B2.2.lost-days",
  trained: "B3.1.total",
  trainingHours: "B3.2.total",
  trainingHoursPerTrained: "B3.2.total.per-trained",
  suppliers: "B5.1.total",
  recallRate: "B6.1.recall-rate",
  complaints: "B6.2.complaints",
  corruptionCases: "B7.1.cases",
  antiCorruptionHours: "B7.3.hours",
  communityInvestment: "B8.2.investment",
  volunteerHours: "B8.2.volunteer-hours",
} as const;

/** Prefixes of the results that come one per row, fuel or group. */
export const KPI_PREFIX = {
  airEmissions: "A1.1.",
  scope1ByFuel: "A1.2.scope1.",
  biogenicByFuel: "A1.2.biogenic.",
  resources: "A2.1.",
  packagingByMaterial: "A2.5.material.",
  workforce: "B1.1.",
  turnover: "B1.2.",
  suppliersByRegion: "B5.1.region.",
} as const;

/** The people breakdowns a B1 / B3 result is given by. */
export type GroupBreakdown = "gender" | "age" | "region" | "employment-type" | "category";

/** Prefix of a KPI's results by one breakdown: byGroup("B1.1", "gender") → "B1.1.gender.". */
export const byGroup = (kpi: "B1.1" | "B1.2" | "B3.1" | "B3.2", b: GroupBreakdown): string => `${kpi}.${b}.`;

/** B2.1 fatalities of the reporting year (0) and of each year before it (1, 2): "B2.1.fatalities.y1". */
export const fatalitiesId = (yearsBefore: number): string => `B2.1.fatalities.y${yearsBefore}`;
