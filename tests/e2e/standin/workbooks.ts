/**
 * The workbooks the real-client runs use, held by the fake Excel (the stand-in's model): the bundled sample
 * (examples/sample-esg-2024.xlsx, through the headless reader) and the synthetic 200-site group
 * (tests/support/synthetic.ts). The fake's own payload check counts approximate bytes; here the stand-in
 * measures the real request and response bodies instead (rich-api.ts), so the model's check is off.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { FakeExcel } from "../../fakes/excel/excel";
import { fakeExcelFromRead } from "../../fakes/excel/from-read";
import { fakeExcelFromXlsx } from "../../fakes/excel/from-xlsx";
import { syntheticRead } from "../../support/synthetic";
import { ROOT } from "./harness";

const WIRE_MEASURED = { limits: { requestBytes: Infinity, responseBytes: Infinity } };

export function sampleExcel(apiVersion?: string): Promise<FakeExcel> {
  return fakeExcelFromXlsx(readFileSync(join(ROOT, "examples/sample-esg-2024.xlsx")), {
    label: "sample-esg-2024.xlsx",
    ...WIRE_MEASURED,
    ...(apiVersion ? { apiVersion } : {}),
  });
}

export function sitesExcel(sites: number): FakeExcel {
  return fakeExcelFromRead(syntheticRead(sites), WIRE_MEASURED);
}
