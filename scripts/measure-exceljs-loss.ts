/**
 * Measure what an ExcelJS 4.4.0 read-then-write loses from a workbook written by LibreOffice
 * (`npx tsx scripts/measure-exceljs-loss.ts`, needs soffice). A flat ODF spreadsheet with one of each
 * feature is converted to .xlsx by LibreOffice; the features found in that package are compared with
 * those found after ExcelJS has loaded and written it. The verdicts are EXCELJS_VERDICT in
 * tests/workbook/xlsx-legacy/features.ts (the ExcelJS-based host this project used before); tests/workbook/exceljs-loss.test.ts re-measures them.
 */
import ExcelJS from "exceljs";
import { openPackage } from "../tests/workbook/xlsx-legacy/package";
import { readWorkbookPart } from "../tests/workbook/xlsx-legacy/workbookPart";
import { scanFeatures, type Feature } from "../tests/workbook/xlsx-legacy/features";
import { convert } from "../tests/workbook/soffice";

/** A 1×1 red PNG. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

const row = (cells: string): string => `<table:table-row>${cells}</table:table-row>`;
const num = (v: number): string =>
  `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
const str = (v: string): string =>
  `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;

/** A flat ODF spreadsheet (ODF 1.2 §3.1.2 office:document) holding the features to measure. */
export function featuresFods(): string {
  const data = [
    row(str("Site") + str("kWh")),
    row(str("A") + num(10)),
    row(str("B") + num(20)),
    row(str("C") + num(30)),
  ].join("");
  const chart = `<draw:frame draw:z-index="0" svg:width="8cm" svg:height="5cm" svg:x="4cm" svg:y="0cm"><draw:object draw:notify-on-update-of-ranges="Data.A1:Data.B4"><office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.2"><office:body><office:chart><chart:chart chart:class="chart:bar" svg:width="8cm" svg:height="5cm"><chart:plot-area table:cell-range-address="Data.A1:Data.B4" chart:data-source-has-labels="both"><chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/><chart:series chart:values-cell-range-address="Data.B2:Data.B4" chart:label-cell-address="Data.B1" chart:class="chart:bar"/></chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>`;
  const image = `<draw:frame draw:z-index="1" svg:width="1cm" svg:height="1cm" svg:x="0cm" svg:y="6cm"><draw:image><office:binary-data>${PNG}</office:binary-data></draw:image></draw:frame>`;
  const shape = `<draw:rect draw:z-index="2" svg:width="2cm" svg:height="1cm" svg:x="2cm" svg:y="6cm"><text:p>note</text:p></draw:rect>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles><style:style style:name="Bad" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffcccc"/></style:style></office:styles>
<office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-whole-number() and of:cell-content()&gt;=0" table:allow-empty-cell="true" table:base-cell-address="Data.B2"/></table:content-validations>
<table:table table:name="Data"><table:shapes>${chart}${image}${shape}</table:shapes>
<table:table-column table:number-columns-repeated="2"/>
${data.replace(num(10), `<table:table-cell table:content-validation-name="val1" office:value-type="float" office:value="10"><text:p>10</text:p></table:table-cell>`)}
<table:table-row><table:table-cell table:formula="of:=['file:///tmp/esg-other.ods'#$Sheet1.A1]" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
<calcext:conditional-formats><calcext:conditional-format calcext:target-range-address="Data.B2:Data.B4"><calcext:condition calcext:apply-style-name="Bad" calcext:value="&gt;15" calcext:base-cell-address="Data.B2"/></calcext:conditional-format><calcext:conditional-format calcext:target-range-address="Data.B2:Data.B4"><calcext:data-bar calcext:positive-color="#638ec6"><calcext:formatting-entry calcext:value="0" calcext:type="auto-minimum"/><calcext:formatting-entry calcext:value="0" calcext:type="auto-maximum"/></calcext:data-bar></calcext:conditional-format></calcext:conditional-formats>
</table:table>
<table:table table:name="Pivot"><table:table-row>${str("")}</table:table-row></table:table>
<table:data-pilot-tables><table:data-pilot-table table:name="DataPilot1" table:target-range-address="Pivot.A1:Pivot.B6"><table:source-cell-range table:cell-range-address="Data.A1:Data.B4"/><table:data-pilot-field table:source-field-name="Site" table:orientation="row"/><table:data-pilot-field table:source-field-name="kWh" table:orientation="data" table:function="sum"/></table:data-pilot-table></table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>
`;
}

export interface LossReport {
  readonly before: Partial<Record<Feature, number>>;
  readonly after: Partial<Record<Feature, number>>;
}

async function features(buffer: Buffer): Promise<Partial<Record<Feature, number>>> {
  const pkg = await openPackage(buffer, "x");
  const scan = await scanFeatures(pkg, await readWorkbookPart(pkg, "x"));
  const out: Partial<Record<Feature, number>> = {};
  for (const f of scan.found) out[f.feature] = (out[f.feature] ?? 0) + f.count;
  return out;
}

/** LibreOffice writes the workbook; ExcelJS reads and writes it; compare. */
export async function measure(): Promise<LossReport & { libreOffice: Buffer; exceljs: Buffer }> {
  const libreOffice = await convert(Buffer.from(featuresFods()), "features.fods", "xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(libreOffice as unknown as ExcelJS.Buffer);
  const exceljs = Buffer.from(await wb.xlsx.writeBuffer());
  return { before: await features(libreOffice), after: await features(exceljs), libreOffice, exceljs };
}

if (require.main === module) {
  measure().then(
    ({ before, after }) => {
      for (const f of Object.keys(before) as Feature[])
        process.stdout.write(
          `${f.padEnd(30)} LibreOffice ${before[f]}  after ExcelJS ${after[f] ?? 0}  → ${after[f] ? "kept" : "LOST"}\n`,
        );
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
