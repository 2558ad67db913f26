/** The people breakdowns of B1 and B3 (metric suffixes as in the dictionary) with their headings. */
import { bi } from "../labels";
import type { Bilingual } from "../../types";

export type PeopleBreakdown = "gender" | "age" | "region" | "employment-type" | "category";

export const BREAKDOWN_HEADINGS: Readonly<Record<PeopleBreakdown, Bilingual>> = {
  gender: bi("By gender", "按性別"),
  age: bi("By age group", "按年齡組別"),
  region: bi("By geographical region", "按地區"),
  "employment-type": bi("By employment type", "按僱傭類型"),
  category: bi("By employee category", "按僱員類別"),
};

/** Dictionary metric id of a people metric's breakdown: ("headcount", "employment-type") → "headcount_employment_type". */
export function peopleMetric(base: string, b: PeopleBreakdown): string {
  return `${base}_${b.replace("-", "_")}`;
}
