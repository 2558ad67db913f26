/**
 * Round trips and payloads of a whole run measured through Microsoft's own office.js client: the built
 * task pane (dist/) in headless Chromium inside the stand-in Excel on the web (tests/e2e/standin), its
 * answers computed by the strict fake. Counted are RichApi requests that reach the workbook (office.js's
 * requests to its internal services — action handlers ready, custom functions ready — are not).
 *
 * - syncs_pane_open_*_real_client: from loading the pane until its first read is done.
 * - syncs_full_run_*_real_client: from the Generate click until the pane has written and shown the
 *   result: the pane's read (the names, then the ranges of the names the engine uses) and the write.
 *   Target ≤ 3. The pane no longer reads the workbook again after writing (usePane.ts).
 * - *_releases_real_client: of those, requests that only release tracked objects. Inside Excel.run,
 *   office.js tracks every Range it makes (ClientObject constructor with `_autoCleanup`) and releases
 *   them with one more request when the run ends (`_RemoveReference`, ClientRequestContext._runCommon /
 *   attemptCleanup in excel-web-16.00.debug.js). The adapter untracks every range it makes
 *   (Range.untrack), so this is 0; the JS fake counts such a request too (office.bench.ts).
 * - office_max_request_bytes / office_max_response_bytes_real_client_200_sites: the largest bodies
 *   (UTF-8 bytes), the figures Excel on the web's 5 MB limit applies to. Target ≤ 4.5 MB.
 * - office_bodies_over_5mb_real_client_*: requests and responses past 5 MB, which Excel on the web
 *   refuses. The stand-in's limit is lifted here so that the whole run is measured (the e2e tests keep it).
 * - *_completed_real_client: 1 when Generate wrote its sheets, 0 when the run stopped; the other figures
 *   are then those of the run up to that point.
 *
 * Needs /usr/bin/chromium; builds dist/ when missing.
 */
import "../tests/e2e/standin/symbols";
import type { Browser } from "playwright-core";
import { ensureBuilt, haveChromium, launch, StandIn } from "../tests/e2e/standin/harness";
import { generate } from "../tests/e2e/standin/pane";
import { sampleExcel, sitesExcel } from "../tests/e2e/standin/workbooks";
import { FIVE_MB, type FakeExcel } from "../tests/fakes/excel/excel";

interface Run {
  open: number;
  /** Requests and responses over Excel on the web's 5 MB (the run is measured with the limit lifted). */
  over: number;
  syncs: number;
  releases: number;
  maxRequest: number;
  maxResponse: number;
  completed: number;
}

/** Lets office.js send what it sends after an Excel.run (the release of tracked objects). */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 1000));

async function fullRun(browser: Browser, excel: FakeExcel): Promise<Run> {
  // The limit is lifted to measure the whole run; requests and responses past 5 MB are counted instead.
  const s = await StandIn.open(browser, { excel, limitBytes: Infinity });
  const workbook = () => s.host.richApi.exchanges.filter((e) => !e.service);
  try {
    let open = 0;
    let completed = 0;
    let from = 0;
    try {
      const frame = await s.paneReady(120_000);
      await settle();
      open = workbook().length;
      from = open;
      const written = await generate(frame, 300_000);
      completed = written.length > 0 ? 1 : 0;
    } catch {
      completed = 0;
    }
    await settle();
    const run = workbook().slice(from);
    const all = workbook();
    return {
      open: open || all.length,
      over: all.filter((e) => e.requestBytes > FIVE_MB || e.responseBytes > FIVE_MB).length,
      syncs: run.length,
      releases: run.filter((e) => e.releaseOnly).length,
      maxRequest: Math.max(0, ...all.map((e) => e.requestBytes)),
      maxResponse: Math.max(0, ...all.map((e) => e.responseBytes)),
      completed,
    };
  } finally {
    await s.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  if (!haveChromium) {
    console.warn("realclient bench skipped: /usr/bin/chromium is missing");
    return {};
  }
  ensureBuilt();
  const browser = await launch();
  try {
    const sample = await fullRun(browser, await sampleExcel());
    const sites = await fullRun(browser, sitesExcel(200));
    return {
      syncs_pane_open_sample_real_client: sample.open,
      syncs_full_run_sample_real_client: sample.syncs,
      syncs_full_run_sample_releases_real_client: sample.releases,
      full_run_sample_completed_real_client: sample.completed,
      syncs_pane_open_200_sites_real_client: sites.open,
      syncs_full_run_200_sites_real_client: sites.syncs,
      syncs_full_run_200_sites_releases_real_client: sites.releases,
      full_run_200_sites_completed_real_client: sites.completed,
      office_max_request_bytes_real_client_200_sites: sites.maxRequest,
      office_bodies_over_5mb_real_client_sample: sample.over,
      office_bodies_over_5mb_real_client_200_sites: sites.over,
      office_max_response_bytes_real_client_200_sites: sites.maxResponse,
    };
  } finally {
    await browser.close();
  }
}
