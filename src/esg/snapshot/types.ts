/** The snapshot's shape: every metric's figures by year, with the instance (group or site) and cell each came from. */
import type { StatedQualifier } from "../coerce";
import type { MetricDef } from "../metrics";
import type { NamedItem, SourceRef, WorkbookRead } from "../types";

/** One figure with the cell it came from. */
export interface Figure {
  readonly value: number | null;
  readonly location: string | null;
}

export interface RowValue {
  readonly label: string;
  readonly key: string;
  /** 0-based row of the named range this row was read from (-1 for consolidated rows). */
  readonly index: number;
  readonly value: number | null;
  readonly location: string | null;
  /** The metric's `extra` text columns (e.g. treatment). */
  readonly extra: readonly string[];
  readonly prior: readonly Figure[];
  /** The group typed "N/A" / "不適用" in the figure cell: the row does not apply to it. */
  readonly notApplicable?: boolean;
}

/** One instance of a name: the group's (workbook scope) or a site's (sheet scope). */
export interface Instance {
  readonly site: string | null;
  readonly source: SourceRef;
  readonly item: NamedItem;
  readonly unit: string;
  /** stated unit → canonical unit multiplier */
  readonly multiplier: number;
  readonly value: Figure;
  readonly prior: readonly Figure[];
  readonly rows: readonly RowValue[];
  /** Text of a text metric (grid region). */
  readonly text: string;
  /**
   * Cells (0-based "row,col" inside the named range) whose figure the engine read differently from
   * what a formula over the cell gives: a number stored as text (SUM skips it, arithmetic may not
   * parse it in every locale) or a ratio written in percentage points. No live formula reads them.
   */
  readonly coerced: ReadonlySet<string>;
  /** The qualifier of a stated figure written as text ("more than 89%", "超過89%"), by "row,col". */
  readonly qualifiers: ReadonlyMap<string, StatedQualifier>;
  /** The reporting-year cell of a single figure says "N/A" / "不適用". */
  readonly notApplicable?: boolean;
}

export interface MetricValue {
  readonly metric: MetricDef;
  /** The name read (default or mapped). */
  readonly name: string;
  /** The group-level instance (workbook scope), if any. */
  readonly group: Instance | null;
  /** Site instances (sheet scope), in sheet order. */
  readonly sites: readonly Instance[];
  /** Consolidated figure in the canonical unit: the group's, or Σ sites for additive metrics. */
  readonly value: number | null;
  readonly prior: readonly (number | null)[];
  readonly rows: readonly RowValue[];
  readonly sources: readonly SourceRef[];
  /** How the value was formed, for formulas in the tables: the instances it sums. */
  readonly consolidated: "group" | "sites" | "none";
  /**
   * The group says the metric does not apply ("N/A" / "不適用" in its reporting-year cell, in every
   * site that has it): no figure, no finding, "not applicable" in the content index.
   */
  readonly notApplicable?: boolean;
}

export interface Snapshot {
  readonly metrics: ReadonlyMap<string, MetricValue>;
  /** Site sheets seen (sheet-scoped metric names). */
  readonly sites: readonly string[];
  readonly reportingYear: number | null;
  /** metric id → name used, for metrics the mapping or defaults point at. */
  readonly names: ReadonlyMap<string, string>;
  readonly read: WorkbookRead;
}
