/**
 * Defined-name validity by Excel's rules ([MS-XLSB] 2.5.166 XLNameWideString, the rules Excel applies
 * to every name it stores; Microsoft KB Q111393, "Some Names Are Reserved, Can't Be Used as Defined
 * Names"; Excel help, "Guidelines for names"):
 * - 1 to 255 characters;
 * - first a letter, "_" or "\"; then letters, digits, "_", ".", "\" and "?";
 * - not TRUE or FALSE;
 * - not an A1 cell reference (A1 to XFD1048576: "XFE1" and "A0" are not cells, so they are names);
 * - not starting with an R1C1 row or column reference ("R1", "C12", so "R2D2" and "C1_x" are out),
 *   and not "R", "C" or "RC" (KB Q111393: reserved for R1C1 notation).
 */
import { columnIndex } from "./a1";
import { MAX_COLUMNS, MAX_ROWS } from "./grid";

export const MAX_NAME_LENGTH = 255;

function isA1Cell(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (!m) return false;
  const row = Number(m[2]);
  return columnIndex(m[1]) < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
}

/** "R1…" / "C7…" (an R1C1 row or column number from 1 up: any digits after leading zeros), or "R", "C", "RC". */
function startsAsR1C1(name: string): boolean {
  return /^(R|C|RC)$/i.test(name) || /^[RC]0*[1-9]/i.test(name);
}

/** Why Excel would refuse `name` as a defined name, or null when it is valid. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return `must be 1 to ${MAX_NAME_LENGTH} characters`;
  if (!/^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*$/u.test(name))
    return "must begin with a letter, _ or \\ and hold only letters, digits, _ . \\ and ?";
  if (/^(TRUE|FALSE)$/i.test(name)) return "must not be TRUE or FALSE";
  if (isA1Cell(name) || startsAsR1C1(name)) return "must not look like a cell reference";
  return null;
}

export function isValidDefinedName(name: string): boolean {
  return definedNameProblem(name) === null;
}
