/**
 * The task pane, from the production build (dist/, rebuilt when src/ is newer):
 * - taskpane_js_gzip_kb: the gzipped size of the JavaScript the task pane loads before its first paint,
 *   i.e. every local <script src> of dist/taskpane.html: shared.js, taskpane.js (the frame and the Data
 *   view), and in the shared runtime the functions and commands bundles on the same page. Office.js from
 *   Microsoft's CDN is not counted. Target ≤ 250.
 * - taskpane_lazy_js_gzip_kb: the JavaScript loaded on demand after that (webpack's import() chunks:
 *   views.js when a tab other than Data is first opened, generate.js on the first Generate), i.e. every
 *   dist/*.js no page's <script src> names. Not in the figure above, and not hidden: the page prefetches
 *   these once it has loaded.
 * In Debian's Chromium (skipped with a message when /usr/bin/chromium is missing), with the e2e's fake
 * Excel seeded from the sample workbook (tests/e2e/harness.ts), both languages × both themes:
 * - taskpane_axe_violations: axe-core violations (WCAG 2.1 A/AA and best practices, colour contrast on)
 *   over every view at 320 px and at 200 % zoom of a 350 px pane, after the documented exclusions
 *   (tests/e2e/audit.ts). Target 0.
 * - taskpane_overflow_views: how many of the 40 (view, size, language, theme) measurements find horizontal
 *   overflow: 5 views (Data, Checks, KPIs, Generate, Settings) × 2 sizes × 2 languages (en, zh-HK) × 2 themes.
 *   The sizes are harness.ts PANE_SIZES, each a freshly opened page whose CSS width and devicePixelRatio are
 *   checked before every measurement: "320px" = 320 CSS px at 1 device px each; "zoom200" = a 350 px pane
 *   at 200 % zoom, 175 CSS px at 2 device px each. A view is measured once its own heading is shown, no
 *   spinner is left and no animation runs; it counts when any of audit.ts overflow() holds: the page's
 *   scrollWidth exceeds its clientWidth, the view's root (role=tabpanel) is wider inside than its box, an
 *   element's box ends past the viewport's right edge, or a sideways scroll container is wider inside than
 *   out. Target 0.
 * - taskpane_first_render_ms: median ms from navigation until the Data view's figures are in the page
 *   (fake Office.js served locally, so Office's own start-up is not in it); taskpane_tabs_ms likewise
 *   for the tab row.
 * - taskpane_audit_s: how long the whole sweep took (it runs in CI as the e2e).
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { auditViews } from "../tests/e2e/audit";
import {
  CHROMIUM,
  ensureBuild,
  renderMarks,
  SIZES,
  startHarness,
  type PaneLang,
  type PaneTheme,
} from "../tests/e2e/harness";

const DIST = join(resolve(__dirname, ".."), "dist");

/** The local scripts a page of dist/ names in its <script src>, as file names in dist/. */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(DIST, page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/i.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

function gzipKb(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

function jsSizes(): Record<string, number> {
  const named = new Set(
    readdirSync(DIST)
      .filter((f) => f.endsWith(".html"))
      .flatMap(pageScripts),
  );
  const onDemand = readdirSync(DIST).filter((f) => f.endsWith(".js") && !named.has(f));
  return {
    taskpane_js_gzip_kb: gzipKb(pageScripts("taskpane.html")),
    taskpane_lazy_js_gzip_kb: gzipKb(onDemand),
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function audit(): Promise<Record<string, number>> {
  const started = Date.now();
  const h = await startHarness();
  let violations = 0;
  let overflowing = 0;
  const data: number[] = [];
  const tabs: number[] = [];
  try {
    for (const lang of ["en", "zh-HK"] as PaneLang[])
      for (const theme of ["light", "dark"] as PaneTheme[])
        for (const size of SIZES) {
          const page = await h.open(lang, theme, undefined, size);
          if (size === "320px") {
            const marks = await renderMarks(page);
            data.push(marks.data);
            tabs.push(marks.tabs);
          }
          for (const a of await auditViews(page, size)) {
            violations += a.axe.reduce((n, f) => n + f.targets.length, 0);
            if (a.overflow.length > 0) overflowing += 1;
            for (const f of a.axe) console.error(`${lang} ${theme} ${a.view} ${a.size}: ${f.summary}`);
            for (const o of a.overflow) console.error(`${lang} ${theme} ${a.view} ${a.size}: ${o}`);
          }
          await page.close();
        }
  } finally {
    await h.close();
  }
  return {
    taskpane_axe_violations: violations,
    taskpane_overflow_views: overflowing,
    taskpane_first_render_ms: Math.round(median(data)),
    taskpane_tabs_ms: Math.round(median(tabs)),
    taskpane_audit_s: Math.round((Date.now() - started) / 100) / 10,
  };
}

export async function run(): Promise<Record<string, number>> {
  ensureBuild();
  const figures: Record<string, number> = jsSizes();
  if (!existsSync(CHROMIUM)) {
    console.error(`taskpane audit skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
    return figures;
  }
  return { ...figures, ...(await audit()) };
}
