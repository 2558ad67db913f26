/**
 * The Office workbook host: WorkbookHost over the Excel JavaScript API. read() is two syncs; write()
 * reuses what the last read() learnt about the sheets and the workbook-scoped names, so a whole run
 * (read, then write) is three syncs; a write without a read first reads the workbook itself.
 */
import type { HistoryEntry, SheetModel, WorkbookRead } from "../../esg/types";
import type { WorkbookHost, WriteResult } from "../types";
import type { ExcelEntry } from "./excel-api";
import { detectFeatures } from "./features";
import { DEFAULT_READ_LIMITS, readWorkbook, type NameState, type ReadLimits, type SheetState } from "./read";
import { DEFAULT_WRITE_OPTIONS, writeModels, type WriteOptions } from "./write";
import { writeCellValue } from "./write-cell";

export interface OfficeHostOptions {
  readonly read?: ReadLimits;
  readonly write?: WriteOptions;
}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind = "office" as const;
  /** What the last read() learnt about the sheets and the workbook-scoped names, for the next write(). */
  private last: { readonly sheets: readonly SheetState[]; readonly names: readonly NameState[] } | null =
    null;

  constructor(
    private readonly entry: ExcelEntry,
    private readonly options: OfficeHostOptions = {},
  ) {}

  async read(): Promise<WorkbookRead> {
    const features = detectFeatures(this.entry);
    const outcome = await this.entry.run({ delayForCellEdit: true }, (context) =>
      readWorkbook(context, features, this.options.read ?? DEFAULT_READ_LIMITS),
    );
    this.last = { sheets: outcome.sheets, names: outcome.names };
    return outcome.read;
  }

  async write(sheets: readonly SheetModel[], history: HistoryEntry): Promise<WriteResult> {
    const features = detectFeatures(this.entry);
    if (!this.last) await this.read();
    const before = this.last ?? { sheets: [], names: [] };
    // The sheets and names change with this write: the next write reads them again.
    this.last = null;
    const outcome = await writeModels(
      this.entry,
      features,
      before,
      sheets,
      history,
      this.options.write ?? DEFAULT_WRITE_OPTIONS,
    );
    return outcome.result;
  }

  /** One cell's value, one sync: the sheets and names the last read() learnt stay as they were. */
  writeCell(location: string, value: string | number): Promise<void> {
    return writeCellValue(this.entry, location, value);
  }
}

export function createOfficeHost(entry: ExcelEntry, options: OfficeHostOptions = {}): WorkbookHost {
  return new OfficeWorkbookHost(entry, options);
}
