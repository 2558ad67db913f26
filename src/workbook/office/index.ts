/** The Excel host: WorkbookHost over the Excel JavaScript API. */
export { createOfficeHost, OfficeWorkbookHost, type OfficeHostOptions } from "./host";
export { realExcelEntry } from "./real";
export { selectLocation } from "./select";
export { cellValueProblem, writeCellValue } from "./write-cell";
export type { ExcelEntry } from "./excel-api";
export { OfficeHostError, officeErrorCode, type OfficeHostErrorCode } from "./errors";
export { HISTORY_SHEET_NAME, HISTORY_MARKER_NAME } from "./markers";
