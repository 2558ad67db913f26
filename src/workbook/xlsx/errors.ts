/**
 * The one kind of error the xlsx host throws on purpose: a workbook it cannot open or must not write.
 * The CLI prints `message` as one line on stderr and exits 2; anything else is a bug.
 */
export type WorkbookErrorCode =
  | "missing"
  | "not-zip"
  | "encrypted"
  | "legacy-xls"
  | "damaged"
  | "timeout"
  | "name-clash"
  | "write-failed";

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  constructor(code: WorkbookErrorCode, message: string) {
    super(message);
    this.name = "WorkbookError";
    this.code = code;
  }
}

/** Race a promise against a referenced timer, so a parser that never settles cannot hang the process. */
export async function timeBox<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new WorkbookError(
            "timeout",
            `${what} did not finish within ${Math.round(ms / 1000)} s: the workbook looks damaged`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
