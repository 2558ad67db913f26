/**
 * An OfficeExtension.Error-like error: `code` from Excel.ErrorCodes / OfficeExtension.ErrorCodes
 * (not localized), a message, and debugInfo.errorLocation, as context.sync() rejects with.
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fail(code: string, message: string, where?: string): never {
  throw new FakeOfficeError(code, message, where);
}
