/**
 * The xlsx workbook host: the WorkbookHost over the .xlsx package itself, for the command line and the
 * tests. It reads only what the names point at (reader.ts) and writes by editing the package
 * (packageWriter.ts): generated sheets replace the marked ones in place or are added, the history
 * sheet gets a row, and every other part of the user's workbook stays byte-identical — charts, pivot
 * tables, shapes, VBA and links included. The generated sheets' charts are written as DrawingML parts
 * (sheetDrawing.ts) and go with their sheet when it is replaced. Nothing touches the input file:
 * output goes to the path given to save() (save.ts).
 */
import { CONFIG_SECTION } from "../../esg/config-sheet";
import type { HistoryEntry, SheetModel, WorkbookRead } from "../../esg/types";
import { definedNameProblem, sheetNameProblem } from "../../sheet-ref";
import type { WorkbookHost, WriteResult } from "../types";
import { blankPackage } from "./blankPackage";
import { WorkbookError } from "./errors";
import { appendHistoryXml, HISTORY_SECTION, HISTORY_SHEET, historyModel } from "./history";
import { keepNames, markerName, modelName, nameOf, type NameToWrite } from "./names";
import { readWorkbookFile, resolveTarget } from "./package";
import { writePackage, type PlannedSheet } from "./packageWriter";
import { loadWorkbook, markerSection, readNames, type LoadedWorkbook } from "./reader";
import { saveAtomically } from "./save";
import { sheetDrawing } from "./sheetDrawing";
import { StyleBook } from "./stylesPart";
import { worksheetXml } from "./worksheetXml";
import type { RawSheet } from "./workbookPart";
import { entryText } from "./zip";

export interface XlsxWriteOptions {
  /** Cached values only, no formulas (--values-only). */
  readonly valuesOnly?: boolean;
}

const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STYLES_SUFFIX = "/styles";

const lower = (s: string): string => s.toLowerCase();

export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  /** The package as parsed; reparsed from `buffer` only when asked for after a write. */
  private parsed: LoadedWorkbook | null;
  private buffer: Buffer;
  private cachedRead: WorkbookRead | null = null;
  private valuesOnly = false;

  private constructor(
    buffer: Buffer,
    readonly label: string,
    /** A new workbook made by this tool (template, --sheets-only), not a user's file. */
    private readonly isNew: boolean,
  ) {
    this.buffer = buffer;
    this.parsed = loadWorkbook(buffer, label);
  }

  /** Open a workbook file (refusing what is not a readable .xlsx with a WorkbookError). */
  static async open(path: string, label = path): Promise<XlsxHost> {
    return new XlsxHost(await readWorkbookFile(path), label, false);
  }

  static async fromBuffer(buffer: Buffer, label: string): Promise<XlsxHost> {
    return new XlsxHost(buffer, label, false);
  }

  /** A new, empty workbook (esg template, --sheets-only). */
  static blank(label = "new workbook"): XlsxHost {
    return new XlsxHost(blankPackage(), label, true);
  }

  private get loaded(): LoadedWorkbook {
    if (!this.parsed) this.parsed = loadWorkbook(this.buffer, this.label);
    return this.parsed;
  }

  /** The workbook holds VBA (an .xlsm): the output must keep the .xlsm extension. */
  get macroEnabled(): boolean {
    return [...this.loaded.pkg.zip.byName.keys()].some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
  }

  async read(): Promise<WorkbookRead> {
    if (!this.cachedRead) this.cachedRead = await readNames(this.loaded);
    return this.cachedRead;
  }

  /** Set before write() for --values-only. */
  setOptions(options: XlsxWriteOptions): void {
    this.valuesOnly = options.valuesOnly ?? false;
  }

  private refuseStrict(): void {
    const { pkg, part } = this.loaded;
    if (pkg.strict || Object.values(part.namespaces).includes(STRICT_MAIN_NS))
      throw new WorkbookError(
        "write-failed",
        `${this.label} is a Strict Open XML workbook, which this tool reads but does not rewrite; save it as "Excel Workbook (.xlsx)" and run again (nothing was written)`,
      );
  }

  /** The sheets with the section of their marker (null for the user's own sheets). */
  private sheetStates(): { raw: RawSheet; section: string | null }[] {
    const { part } = this.loaded;
    const sections = new Map<number, string>();
    for (const n of part.names) {
      if (n.localSheetId === null || sections.has(n.localSheetId)) continue;
      const section = markerSection(n);
      if (section !== null) sections.set(n.localSheetId, section);
    }
    return part.sheets.map((raw, i) => ({ raw, section: sections.get(i) ?? null }));
  }

  private styleBook(): { book: StyleBook; path: string; created: boolean; original: string } {
    const { part, pkg } = this.loaded;
    const rel = part.rels.find((r) => r.type.endsWith(STYLES_SUFFIX) && !r.external);
    const path = rel ? resolveTarget(part.path, rel.target) : "xl/styles.xml";
    const existing = entryText(pkg.zip, path, this.label);
    const original =
      existing ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
    return {
      book: new StyleBook(original, this.label, path),
      path,
      created: existing === null || !rel,
      original,
    };
  }

  private commit(
    sheets: PlannedSheet[],
    names: NameToWrite[],
    changed: Map<string, string>,
    styles: ReturnType<XlsxHost["styleBook"]>,
  ): void {
    const xml = styles.book.toXml();
    const buffer = writePackage(this.loaded.pkg, this.loaded.part, {
      sheets,
      names,
      changedParts: changed,
      styles:
        xml !== styles.original || styles.created
          ? { path: styles.path, xml, created: styles.created }
          : null,
    });
    this.buffer = buffer;
    this.parsed = null;
    this.cachedRead = null;
  }

  async write(models: readonly SheetModel[], history: HistoryEntry): Promise<WriteResult> {
    this.refuseStrict();
    checkSheetNames(models);
    const states = this.sheetStates();
    const sections = new Set(models.map((m) => m.section));
    const newNames = new Set(models.map((m) => lower(m.name)));
    const replaced = states.filter(
      (s) =>
        s.section !== null &&
        s.section !== HISTORY_SECTION &&
        (sections.has(s.section) || newNames.has(lower(s.raw.name))),
    );
    const historyState = states.find(
      (s) => s.section === HISTORY_SECTION && s.raw.kind === "worksheet" && s.raw.path,
    );
    // Validation first: a refused write changes nothing.
    for (const m of models) {
      const existing = states.find((s) => lower(s.raw.name) === lower(m.name));
      if (existing && !replaced.includes(existing))
        throw new WorkbookError(
          "name-clash",
          `${this.label} already has a sheet named "${existing.raw.name}" that this tool did not generate; rename that sheet (nothing was written)`,
        );
    }
    const userHistory = states.find(
      (s) => lower(s.raw.name) === lower(HISTORY_SHEET) && s.section !== HISTORY_SECTION,
    );
    if (!historyState && userHistory)
      throw new WorkbookError(
        "name-clash",
        `${this.label} already has a sheet named "${userHistory.raw.name}" that this tool did not create; rename it (nothing was written)`,
      );
    const replacedNames = new Set(replaced.map((r) => r.raw.name));
    const kept = keepNames(
      this.loaded.part.names,
      this.loaded.part.sheets.map((s) => s.name),
      replacedNames,
    );
    checkModelNames(models, kept, this.label);

    const styles = this.styleBook();
    const options = { valuesOnly: this.valuesOnly };
    const rendered = new Map(models.map((m) => [m.name, worksheetXml(m, styles.book, options)]));
    // Replaced sheets' parts are reused by the new sheets of the same section, in order.
    const pool = new Map<string, RawSheet[]>();
    for (const r of replaced) {
      const list = pool.get(r.section!) ?? [];
      list.push(r.raw);
      pool.set(r.section!, list);
    }
    const newSheet = (m: SheetModel): PlannedSheet => ({
      kind: "new",
      name: m.name,
      xml: rendered.get(m.name)!,
      hidden: m.hidden ?? false,
      reuse: pool.get(m.section)?.shift() ?? null,
      drawing: sheetDrawing(m),
    });
    const placed = new Set<string>();
    const order: PlannedSheet[] = [];
    for (const s of states) {
      if (s === historyState) continue;
      if (!replaced.includes(s)) {
        order.push({ kind: "kept", raw: s.raw });
        continue;
      }
      // The first replaced sheet of a section is where that section's new sheets go.
      if (s.section && !placed.has(s.section) && sections.has(s.section)) {
        placed.add(s.section);
        for (const m of models) if (m.section === s.section) order.push(newSheet(m));
      }
    }
    for (const m of models) if (!placed.has(m.section)) order.push(newSheet(m));

    const changed = new Map<string, string>();
    const names: NameToWrite[] = [...kept];
    if (historyState) {
      order.push({ kind: "kept", raw: historyState.raw });
      const path = historyState.raw.path!;
      const xml = entryText(this.loaded.pkg.zip, path, this.label) ?? "";
      changed.set(path, appendHistoryXml(xml, history, this.label, path));
    } else {
      const model = historyModel(history);
      order.push({
        kind: "new",
        name: model.name,
        xml: worksheetXml(model, styles.book, { valuesOnly: true }),
        // Hidden (history.ts): the log never prints with the report.
        hidden: model.hidden ?? false,
        reuse: null,
      });
      names.push(markerName(HISTORY_SHEET, HISTORY_SECTION));
    }
    for (const m of models) {
      names.push(markerName(m.name, m.section));
      for (const n of m.definedNames ?? []) names.push(modelName(m.name, n.name, n.address));
    }
    this.commit(order, names, changed, styles);
    return { written: models.map((m) => m.name), replaced: replaced.map((r) => r.raw.name) };
  }

  /**
   * Write sheets that are the user's own from then on (esg template, the sample workbook): no marker
   * (but the configuration sheet's), no history; the names the models define are created. Only into a
   * new workbook.
   */
  async writeInput(
    models: readonly SheetModel[],
    options: { readonly sheetScoped?: ReadonlySet<string> } = {},
  ): Promise<readonly string[]> {
    if (!this.isNew)
      throw new WorkbookError("write-failed", "input sheets are written only into a new workbook");
    checkSheetNames(models);
    const styles = this.styleBook();
    const order: PlannedSheet[] = this.loaded.part.sheets.map((raw) => ({ kind: "kept", raw }));
    const names: NameToWrite[] = keepNames(
      this.loaded.part.names,
      this.loaded.part.sheets.map((s) => s.name),
      new Set(),
    );
    for (const m of models) {
      order.push({
        kind: "new",
        name: m.name,
        xml: worksheetXml(m, styles.book, { valuesOnly: false }),
        hidden: m.hidden ?? false,
        reuse: null,
        drawing: sheetDrawing(m),
      });
      for (const n of m.definedNames ?? [])
        names.push(modelName(m.name, n.name, n.address, options.sheetScoped?.has(m.name) ?? false));
      // The configuration sheet is the add-in's even in an input workbook (the sample): marked, so the
      // pane's "Save settings" may replace it instead of refusing it as the user's own sheet (write-checks).
      if (m.section === CONFIG_SECTION) names.push(markerName(m.name, m.section));
    }
    this.commit(order, names, new Map(), styles);
    return models.map((m) => m.name);
  }

  /** The workbook as it stands. */
  async toBuffer(): Promise<Buffer> {
    if (!this.parsed && this.buffer.length > 0) return this.buffer; // written by write(): it has sheets
    if (!this.loaded.part.sheets.length)
      throw new WorkbookError("write-failed", `${this.label}: a workbook needs at least one sheet`);
    return this.buffer;
  }

  /** Write the workbook to `path` atomically (save.ts). */
  async save(path: string): Promise<void> {
    await saveAtomically(path, await this.toBuffer());
  }
}

function checkSheetNames(models: readonly SheetModel[]): void {
  const seen = new Set<string>();
  for (const m of models) {
    const problem = sheetNameProblem(m.name) ?? (seen.has(lower(m.name)) ? "is used twice" : null);
    if (problem) throw new WorkbookError("write-failed", `sheet name "${m.name}" ${problem}`);
    seen.add(lower(m.name));
    for (const n of m.definedNames ?? []) {
      // Excel refuses such a name (src/sheet-ref/defined-name.ts), so the file would not open cleanly.
      const nameProblem = definedNameProblem(n.name);
      if (nameProblem)
        throw new WorkbookError(
          "write-failed",
          `sheet "${m.name}" defines name "${n.name}", which ${nameProblem}`,
        );
    }
  }
}

/** Names the models define must not take over a user's name of the same name (names are case-insensitive). */
function checkModelNames(models: readonly SheetModel[], kept: readonly NameToWrite[], label: string): void {
  const taken = new Set(kept.filter((n) => n.scopeSheet === null).map(nameOf));
  for (const m of models)
    for (const n of m.definedNames ?? [])
      if (taken.has(lower(n.name)))
        throw new WorkbookError(
          "name-clash",
          `${label} already defines the name "${n.name}" that sheet "${m.name}" would define; rename it (nothing was written)`,
        );
}
