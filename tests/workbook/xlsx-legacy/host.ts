/**
 * The xlsx workbook host: the WorkbookHost over ExcelJS, for the command line and the tests. It reads
 * (reader.ts), renders sheet models in memory (render.ts), and serialises on demand (toBuffer/save),
 * putting the defined names back (definedNames.ts). Nothing touches the input file: output goes to the
 * path given to save(), written whole to a temporary file and renamed, so a failure leaves no half file.
 */
import { promises as fs } from "fs";
import { basename, dirname, join } from "path";
import ExcelJS from "exceljs";
import type { HistoryEntry, SheetModel, WorkbookRead } from "../../../src/esg/types";
import { definedNameProblem, sheetNameProblem } from "../../../src/sheet-ref";
import type { WorkbookHost, WriteResult } from "../../../src/workbook/types";
import { keepNames, markerName, modelName, postProcess, type NameToWrite } from "./definedNames";
import { WorkbookError } from "./errors";
import { EXCELJS_VERDICT, FEATURE_LABELS, type FeatureFound } from "./features";
import { appendHistory, createHistorySheet, HISTORY_SECTION, HISTORY_SHEET } from "./history";
import { readWorkbookFile } from "./package";
import { loadWorkbook, markerSection, readNames, type LoadedWorkbook } from "./reader";
import { renderSheet } from "./render";

export interface XlsxWriteOptions {
  /** Cached values only, no formulas (--values-only). */
  readonly valuesOnly?: boolean;
}

/** Characters Excel forbids in sheet names, and its length limit (Excel specifications and limits). */

/** ExcelJS 4.4.0 orders sheets by Worksheet.orderNo (lib/doc/workbook.js, `get worksheets`), untyped in its .d.ts. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
const ordered = (ws: ExcelJS.Worksheet): Ordered => ws as Ordered;

interface SheetState {
  name: string;
  /** Section of our marker, or null for the user's own sheet. */
  section: string | null;
}

export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  private readonly workbook: ExcelJS.Workbook;
  /** Sheets in tab order as this session knows them. */
  private readonly sheets: SheetState[];
  /** Original sheets (by name) this session removed: their sheet-scoped names go too. */
  private readonly removed = new Set<string>();
  /** Sheets this session created, with their section: they get a new marker. */
  private readonly created = new Map<string, string>();
  /** Workbook-scoped names the created sheets define (SheetModel.definedNames). */
  private readonly createdNames = new Map<
    string,
    readonly { readonly name: string; readonly address: string }[]
  >();
  /** Names of sheets written by writeInput (unmarked). */
  private readonly inputNames: NameToWrite[] = [];
  private dirty = false;
  private valuesOnly = false;

  private constructor(
    private readonly loaded: LoadedWorkbook | null,
    readonly label: string,
  ) {
    this.workbook = loaded?.workbook ?? new ExcelJS.Workbook();
    if (!loaded) {
      this.workbook.creator = "esg-disclosure-addin";
      this.workbook.created = new Date();
    }
    this.sheets = loaded
      ? loaded.part.sheets.map((s, i) => {
          const marker = loaded.part.names.find((n) => n.localSheetId === i && markerSection(n) !== null);
          return { name: s.name, section: marker ? markerSection(marker) : null };
        })
      : [];
  }

  /** Open a workbook file (refusing what is not a readable .xlsx with a WorkbookError). */
  static async open(path: string): Promise<XlsxHost> {
    const buffer = await readWorkbookFile(path);
    return XlsxHost.fromBuffer(buffer, basename(path));
  }

  static async fromBuffer(buffer: Buffer, label: string): Promise<XlsxHost> {
    return new XlsxHost(await loadWorkbook(buffer, label), label);
  }

  /** A new, empty workbook (esg template, --sheets-only). */
  static blank(label = "new workbook"): XlsxHost {
    return new XlsxHost(null, label);
  }

  /** Features of the input that an ExcelJS round trip loses (measured; see features.ts). */
  lossyFeatures(): FeatureFound[] {
    return (this.loaded?.features.found ?? []).filter((f) => EXCELJS_VERDICT[f.feature] === "lost");
  }

  async read(): Promise<WorkbookRead> {
    if (!this.loaded && !this.dirty) return { names: [], sheets: [] };
    if (!this.dirty && this.loaded) return readNames(this.loaded);
    return readNames(await loadWorkbook(await this.toBuffer(), this.label));
  }

  /** Set before write() for --values-only. */
  setOptions(options: XlsxWriteOptions): void {
    this.valuesOnly = options.valuesOnly ?? false;
  }

  async write(models: readonly SheetModel[], history: HistoryEntry): Promise<WriteResult> {
    this.checkNames(models);
    const sections = new Set(models.map((m) => m.section));
    const lower = (s: string): string => s.toLowerCase();
    const newNames = new Set(models.map((m) => lower(m.name)));
    const replaced = this.sheets.filter(
      (s) =>
        s.section !== null &&
        s.section !== HISTORY_SECTION &&
        (sections.has(s.section) || newNames.has(lower(s.name))),
    );
    let historyState = this.sheets.find((s) => s.section === HISTORY_SECTION);
    // Validation first, mutation after: a refused write changes nothing.
    for (const m of models) {
      const existing = this.sheets.find((s) => lower(s.name) === lower(m.name));
      if (existing && !replaced.includes(existing)) {
        throw new WorkbookError(
          "name-clash",
          `${this.label} already has a sheet named "${existing.name}" that this tool did not generate; rename that sheet (nothing was written)`,
        );
      }
    }
    const userHistory = this.sheets.find(
      (s) => lower(s.name) === lower(HISTORY_SHEET) && s.section !== HISTORY_SECTION,
    );
    if (!historyState && userHistory) {
      throw new WorkbookError(
        "name-clash",
        `${this.label} already has a sheet named "${userHistory.name}" that this tool did not create; rename it (nothing was written)`,
      );
    }

    this.checkModelNames(models, new Set(replaced.map((r) => r.name)));

    // Remember where each replaced section sat, then remove the old sheets.
    const slot = new Map<string, number>();
    for (const r of replaced) {
      const ws = this.workbook.getWorksheet(r.name);
      if (ws) {
        if (r.section && !slot.has(r.section)) slot.set(r.section, ordered(ws).orderNo);
        this.workbook.removeWorksheet(ws.id);
      }
      this.createdNames.delete(r.name);
      if (this.created.has(r.name)) this.created.delete(r.name);
      else this.removed.add(r.name);
      this.sheets.splice(this.sheets.indexOf(r), 1);
    }
    const written: string[] = [];
    models.forEach((m, i) => {
      const ws = renderSheet(this.workbook, m, { valuesOnly: this.valuesOnly });
      const at = slot.get(m.section);
      // Fractions keep several sheets of one section together in the old sheet's place (ExcelJS sorts by orderNo).
      if (at !== undefined) ordered(ws).orderNo = at + i / (models.length + 1);
      this.created.set(m.name, m.section);
      if (m.definedNames?.length) this.createdNames.set(m.name, m.definedNames);
      written.push(m.name);
    });

    let historySheet = historyState ? this.workbook.getWorksheet(historyState.name) : undefined;
    if (!historySheet) {
      historySheet = createHistorySheet(this.workbook);
      this.created.set(HISTORY_SHEET, HISTORY_SECTION);
      historyState = { name: HISTORY_SHEET, section: HISTORY_SECTION };
    }
    appendHistory(historySheet, history);
    // Keep the history last.
    const maxOrder = Math.max(
      ...this.workbook.worksheets.filter((w) => w !== historySheet).map((w) => ordered(w).orderNo),
      0,
    );
    if (ordered(historySheet).orderNo <= maxOrder) ordered(historySheet).orderNo = maxOrder + 1;

    // Re-list the sheets in their written order.
    const order = this.workbook.worksheets.map((w) => w.name);
    const sectionOf = new Map(this.sheets.map((s) => [s.name, s.section]));
    for (const [name, section] of this.created) sectionOf.set(name, section);
    this.sheets.splice(
      0,
      this.sheets.length,
      ...order.map((name) => ({ name, section: sectionOf.get(name) ?? null })),
    );
    this.clampActiveTab();
    this.dirty = true;
    return { written, replaced: replaced.map((r) => r.name) };
  }

  /**
   * Write sheets that are the user's own from then on (esg template, the sample workbook): no marker, no
   * history; the names the models define are created. Only into a new workbook.
   */
  async writeInput(
    models: readonly SheetModel[],
    options: { readonly sheetScoped?: ReadonlySet<string> } = {},
  ): Promise<readonly string[]> {
    if (this.loaded)
      throw new WorkbookError("write-failed", "input sheets are written only into a new workbook");
    this.checkNames(models);
    for (const m of models) {
      renderSheet(this.workbook, m, { valuesOnly: false });
      if (m.definedNames?.length)
        this.inputNames.push(
          ...m.definedNames.map((n) =>
            modelName(m.name, n.name, n.address, options.sheetScoped?.has(m.name) ?? false),
          ),
        );
    }
    this.dirty = true;
    return models.map((m) => m.name);
  }

  private checkNames(models: readonly SheetModel[]): void {
    const seen = new Set<string>();
    for (const m of models) {
      const problem = sheetNameProblem(m.name) ?? (seen.has(m.name.toLowerCase()) ? "is used twice" : null);
      if (problem) throw new WorkbookError("write-failed", `sheet name "${m.name}" ${problem}`);
      seen.add(m.name.toLowerCase());
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
  private checkModelNames(models: readonly SheetModel[], replacing: ReadonlySet<string>): void {
    const dropping = new Set([...this.removed, ...replacing]);
    const kept = this.loaded
      ? keepNames(
          this.loaded.part.names,
          this.loaded.part.sheets.map((s) => s.name),
          dropping,
        )
      : [];
    const taken = new Set(
      kept.filter((n) => n.scopeSheet === null).map((n) => (n.attributes.name ?? "").toLowerCase()),
    );
    for (const [sheet, names] of this.createdNames)
      if (!replacing.has(sheet)) for (const n of names) taken.add(n.name.toLowerCase());
    for (const m of models) {
      for (const n of m.definedNames ?? []) {
        if (taken.has(n.name.toLowerCase())) {
          throw new WorkbookError(
            "name-clash",
            `${this.label} already defines the name "${n.name}" that sheet "${m.name}" would define; rename it (nothing was written)`,
          );
        }
      }
    }
  }

  /** Sheets were removed and added: keep the active tab inside the workbook (bookViews activeTab, §18.2.30). */
  private clampActiveTab(): void {
    const count = this.workbook.worksheets.length;
    for (const v of this.workbook.views ?? []) {
      if (typeof v.activeTab === "number" && v.activeTab >= count) v.activeTab = 0;
      if (typeof v.firstSheet === "number" && v.firstSheet >= count) v.firstSheet = 0;
    }
  }

  /** The defined names the written package must hold. */
  private namesToWrite(): NameToWrite[] {
    const original = this.loaded
      ? keepNames(
          this.loaded.part.names,
          this.loaded.part.sheets.map((s) => s.name),
          this.removed,
        )
      : [];
    const markers = [...this.created].map(([sheet, section]) => markerName(sheet, section));
    const defined = [...this.createdNames].flatMap(([sheet, names]) =>
      names.map((n) => modelName(sheet, n.name, n.address)),
    );
    return [...original, ...this.inputNames, ...markers, ...defined];
  }

  /** Serialise the workbook, refusing when the input holds what the round trip would lose. */
  async toBuffer(): Promise<Buffer> {
    const lossy = this.lossyFeatures();
    if (lossy.length > 0) {
      const what = [...new Set(lossy.map((f) => FEATURE_LABELS[f.feature]))].join(", ");
      throw new WorkbookError(
        "lossy",
        `${this.label} holds ${what}, which the xlsx writer would lose; nothing was written`,
      );
    }
    let written: Buffer;
    // ExcelJS keeps one merged, scope-less copy of the names; the real ones are written after it (definedNames.ts).
    this.workbook.definedNames.model = [];
    try {
      written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    } catch (e) {
      throw new WorkbookError(
        "write-failed",
        `could not write the workbook: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    return postProcess(written, this.namesToWrite());
  }

  /** Write the workbook to `path` atomically (temporary file in the same folder, then rename). */
  async save(path: string): Promise<void> {
    const buffer = await this.toBuffer();
    await fs.mkdir(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      await fs.writeFile(tmp, buffer);
      await fs.rename(tmp, path);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw new WorkbookError(
        "write-failed",
        `could not write ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}
