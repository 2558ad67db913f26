/**
 * What the xlsx host will read, as policy in one place (issue 15): every cap a hostile or huge
 * workbook can meet, so each exceeded limit is one line and exit 2 within seconds and a few hundred
 * MB, never a heap crash. Each can be lowered (or raised) by an environment variable for tests and
 * for the rare legitimate giant; the defaults keep a run under about 1 GB of memory.
 */

function fromEnv(variable: string, fallback: number): number {
  const v = Number(process.env[variable]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export const limits = {
  /** Largest workbook file read, in bytes (the package is held in memory). */
  fileBytes: (): number => fromEnv("ESG_MAX_FILE_BYTES", 500_000_000),
  /**
   * Largest part inflated, in bytes. V8 cannot hold a string much over 512 MB ("Invalid string
   * length"), and a part is decoded to text, so the cap sits well below that.
   */
  partBytes: (): number => fromEnv("ESG_MAX_PART_BYTES", 256_000_000),
  /** Most bytes inflated from one package in all, across every part read. */
  packageBytes: (): number => fromEnv("ESG_MAX_PACKAGE_BYTES", 512_000_000),
  /**
   * Largest inflation ratio of a part over `ratioFloorBytes` (uncompressed ÷ compressed). Deflate
   * tops out near 1032:1; real worksheets stay far below 200:1, a crafted bomb sits near the top.
   */
  compressionRatio: (): number => fromEnv("ESG_MAX_COMPRESSION_RATIO", 200),
  ratioFloorBytes: (): number => fromEnv("ESG_RATIO_FLOOR_BYTES", 16_000_000),
  /** Most defined names read from xl/workbook.xml (a million names is refused in one line). */
  definedNames: (): number => fromEnv("ESG_MAX_DEFINED_NAMES", 200_000),
  /** Largest range whose values are read, in cells; a larger name is listed with a note and no values. */
  cellsRead: (): number => fromEnv("ESG_MAX_CELLS_READ", 5_000_000),
  /**
   * Most cells read as values by all the names together. Each name under `cellsRead` may still be
   * millions of cells, and a value costs about 50 bytes held, so a few such names in a 10 KB file
   * would fill the heap (20 names of 4.9 M cells: 4.3 GB, then a heap crash); past this total the
   * largest names are listed with a note and no values, the smallest read first.
   */
  cellsReadTotal: (): number => fromEnv("ESG_MAX_CELLS_READ_TOTAL", 5_000_000),
  /** Deepest element nesting in any XML part parsed. */
  xmlDepth: (): number => fromEnv("ESG_MAX_XML_DEPTH", 256),
  /**
   * Longest stretch of an XML part between two tags, in characters as written: one text, CDATA
   * section, comment or processing instruction, or one start tag with all its attributes. A parser
   * gathers such a stretch whole before handing it on, so without a cap one CDATA section in a
   * streamed sheet costs memory up to the part cap (256 MB of UTF-8, twice that as a string). Excel
   * holds at most 32,767 characters in a cell ("Excel specifications and limits") and 8,192 in a
   * formula (MS-OI29500 §2.1.1085, ST_Formula); even with every character written as a numeric
   * reference (at most 8 characters a UTF-16 unit, "&#x4E2D;") a cell's text stays under 270,000, so
   * 1 Mi characters (1,048,576) is about four times any real text, while a stretch held costs a few
   * MB at most. Checked after each piece parsed, so at most one piece (64 Ki) more is ever held.
   */
  xmlTextChars: (): number => fromEnv("ESG_MAX_XML_TEXT_CHARS", 1 << 20),
} as const;
