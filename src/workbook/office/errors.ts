/**
 * Errors: Office API errors are told apart by `code` (not localized), never by `message` (localized,
 * "isn't intended for consumption by end users": docs/testing/application-specific-api-error-handling.md).
 * Duck-typed, because `OfficeExtension` is not defined outside Office.
 */

/** The `code` of an OfficeExtension.Error-like value, or null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : null;
  }
  return null;
}

/** Codes this adapter raises itself, before or instead of an Office error. */
export type OfficeHostErrorCode =
  | "UserSheetConflict"
  | "InvalidSheetName"
  | "DuplicateSheetName"
  | "InvalidName"
  | "ApiNotSupported"
  /** A one-cell write (write-cell.ts) given a location that is not one cell, or a value Excel would change. */
  | "InvalidCell"
  | "WriteFailed"
  | "RecoveryFailed";

export class OfficeHostError extends Error {
  readonly code: OfficeHostErrorCode;
  /** The Office error code behind this one, when there is one. */
  readonly officeCode: string | null;

  constructor(code: OfficeHostErrorCode, message: string, officeCode: string | null = null) {
    super(message);
    this.name = "OfficeHostError";
    this.code = code;
    this.officeCode = officeCode;
  }
}
