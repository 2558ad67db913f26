/**
 * End to end in real headless Chromium (tests/e2e/harness.ts): the production build of the task pane
 * with the fake Excel seeded from the bundled sample workbook. Goes Data → Checks → Generate by keyboard
 * and asserts the sheets written in the fake; then, in both languages and both themes, audits every view
 * at 320 px and at 200 % zoom of a 350 px pane (axe-core with colour contrast, and nothing past the edge)
 * and writes the 320 px screenshots to docs/screenshots/ (`<view>-<lang>.png`, `<view>-<lang>-dark.png`).
 * The views other than Data load on demand: a failed fetch is a message with Try again.
 */
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import {
  auditViews,
  axeFindings,
  danglingReferences,
  overflow,
  settle,
  showView,
  type ViewAudit,
} from "./audit";
import { seedFromXlsx } from "../fakes/excel/from-xlsx";
import { buildSecondGroup, HAMI, UNKNOWN_GRID } from "../support/second-group";
import {
  CHROMIUM,
  expectSize,
  ROOT,
  SIZES,
  startHarness,
  VIEWS,
  type Harness,
  type PaneLang,
  type PaneTheme,
} from "./harness";

const SHOTS = join(ROOT, "docs/screenshots");

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`taskpane e2e skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
const maybe = haveChromium ? describe : describe.skip;

/** The audit's problems, one line each, for a readable failure. */
const problemsOf = (audits: readonly ViewAudit[]): string[] =>
  audits.flatMap((a) => [
    ...a.axe.map((f) => `${a.view} at ${a.size}: axe ${f.summary}`),
    ...a.overflow.map((o) => `${a.view} at ${a.size}: overflow ${o}`),
    ...a.references.map((r) => `${a.view} at ${a.size}: ${r}`),
  ]);

maybe("task pane in headless Chromium", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  it("goes Data → Checks → Generate by keyboard and writes the disclosure sheets into the workbook", async () => {
    const page = await h.open("en", "light");
    const electricity = await page.textContent('[data-metric="electricity"]');
    // The sample's electricity ('ESG Data 數據'!C25), as the data view shows it.
    expect(electricity).toContain("29,843,800");
    expect(electricity).toContain("kWh");

    // The tabs are one TabList, reached by arrow keys and chosen with Enter.
    await page.focus("#tab-data");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate("document.activeElement.id")).toBe("tab-checks");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#checks-heading");
    expect(await page.locator('[data-severity="warning"] li').count()).toBeGreaterThan(0);

    await showView(page, "generate");
    const before = (await page.evaluate("window.esgFake.sheets()")) as { name: string }[];
    // A workbook with errors blocks generation until they are accepted with a note.
    const accept = page.getByRole("checkbox", { name: /I accept these errors/ });
    if ((await accept.count()) > 0) {
      await accept.check();
      await page.locator("textarea").fill("Accepted in the end-to-end test");
    }
    // Enter on the button: focus stays on it while working (aria-disabled, not disabled), then moves to
    // the summary; the live region says what happened.
    const button = page.getByRole("button", { name: "Generate disclosures" });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-result="done"] li', { timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-result") === "done");
    expect(await page.textContent('[role="status"][aria-live="polite"]')).toMatch(/sheets written/);

    const written = await page.locator('[data-result="done"] li').allTextContents();
    const after = (await page.evaluate("window.esgFake.sheets()")) as { name: string; names: string[] }[];
    expect(written.length).toBeGreaterThan(3);
    for (const name of written) expect(after.map((s) => s.name)).toContain(name);
    expect(after.map((s) => s.name)).toEqual(expect.arrayContaining(before.map((s) => s.name)));
    expect(after.map((s) => s.name)).toContain("ESG_History");
    // The generation is in the history: header, then this run with its sheets.
    const history = (await page.evaluate(
      "[window.esgFake.cell('ESG_History', 'A1'), window.esgFake.cell('ESG_History', 'F2')]",
    )) as { value: unknown }[];
    expect(history[0]?.value).toBe("When");
    for (const name of written) expect(String(history[1]?.value)).toContain(name);
    // Each generated sheet carries the generated marker.
    for (const name of written)
      expect(after.find((s) => s.name === name)?.names.some((n) => n.startsWith("ESG_Generated="))).toBe(
        true,
      );
    // The user's data is untouched.
    expect(await page.evaluate("window.esgFake.cell('ESG Data 數據', 'C25')")).toEqual({
      value: 29843800,
      formula: null,
    });

    // The finished view, summary and all, passes the audit too.
    await settle(page);
    await page.screenshot({ path: join(SHOTS, "generate-done-en.png") });
    expect([
      ...(await axeFindings(page)).map((f) => f.summary),
      ...(await overflow(page)),
      ...(await danglingReferences(page)),
    ]).toEqual([]);
    await page.close();
  }, 120_000);

  it("fixes the second group's unknown grid from the Data view: the picker writes one cell, the finding goes", async () => {
    const seed = await seedFromXlsx(await buildSecondGroup(), { label: "second-group.xlsx" });
    const hami = `[data-grid-fix="'${HAMI}'!B4"]`;

    // In Chinese first: the picker as a zh-HK user sees it.
    const zh = await h.open("zh-HK", "light", seed);
    await zh.waitForSelector(hami);
    expect(await zh.textContent(hami)).toContain(`現為：「${UNKNOWN_GRID}」`);
    await settle(zh);
    await zh.screenshot({ path: join(SHOTS, "data-grid-picker-zh-HK.png") });
    const zhPicker = zh.getByRole("combobox", { name: `${HAMI}的電網（儲存格 B4）` });
    expect(await zhPicker.locator("option").allTextContents()).toContain("西北／Northwest China");
    await zh.close();

    const page = await h.open("en", "light", seed);
    await page.waitForSelector(hami);
    // The syncs of one read (the Reload button), to tell the write's own from the read that follows it.
    let syncs = (await page.evaluate("window.esgFake.syncs()")) as number;
    await page.getByRole("button", { name: "Read again" }).click();
    await page.waitForFunction((n) => (window as any).esgFake.syncs() > n, syncs);
    await page.waitForTimeout(500);
    const readSyncs = ((await page.evaluate("window.esgFake.syncs()")) as number) - syncs;

    const picker = page.getByRole("combobox", { name: `Power grid for ${HAMI} (cell B4)` });
    // By keyboard, as a user would: focus the list and type the start of the grid's name.
    await picker.focus();
    await page.keyboard.type("Northw");
    expect(await picker.inputValue()).toBe("Northwest China");
    // The view with the picker passes the audit (axe with colour contrast, nothing past the edge).
    await settle(page);
    await page.screenshot({ path: join(SHOTS, "data-grid-picker-en.png") });
    expect([
      ...(await axeFindings(page)).map((f) => f.summary),
      ...(await overflow(page)),
      ...(await danglingReferences(page)),
    ]).toEqual([]);

    syncs = (await page.evaluate("window.esgFake.syncs()")) as number;
    await page.getByRole("button", { name: "Write to B4" }).click();
    await page.getByText(`"Northwest China" written to '${HAMI}'!B4; the checks ran again.`).waitFor();
    // One sync writes the cell; the rest is the pane's read of the workbook.
    expect(((await page.evaluate("window.esgFake.syncs()")) as number) - syncs).toBe(1 + readSyncs);
    expect(await page.evaluate(`window.esgFake.cell(${JSON.stringify(HAMI)}, "B4")`)).toEqual({
      value: "Northwest China",
      formula: null,
    });
    expect(await page.locator(hami).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, "data-grid-written-en.png") });
    await showView(page, "checks");
    expect(await page.textContent('[role="tabpanel"]')).not.toContain(UNKNOWN_GRID);
    await page.close();
  }, 120_000);

  it("the audit sees what it is there to catch: a box past the edge, faint text, a dangling label", async () => {
    const page = await h.open("en", "light");
    await page.evaluate(() => {
      const panel = document.querySelector('[role="tabpanel"]') as HTMLElement;
      const wide = Object.assign(document.createElement("div"), { id: "too-wide", textContent: "wide" });
      wide.style.width = "400px";
      // The old Warning colour, colorPaletteMarigoldForeground1 on white: 2.64:1.
      const faint = Object.assign(document.createElement("p"), { id: "faint", textContent: "Warning" });
      faint.style.color = "#d39300";
      const labelled = Object.assign(document.createElement("div"), { role: "group", textContent: "x" });
      labelled.setAttribute("aria-labelledby", "no-such-title");
      panel.append(wide, faint, labelled);
    });
    expect(await overflow(page)).toContainEqual(
      expect.stringMatching(/^div#too-wide .* ends at 41\d px of 320/),
    );
    expect(await overflow(page)).toContainEqual(
      expect.stringMatching(/^the view div#panel-data .* is 4\d\d px wide in 29\d px$/),
    );
    const contrast = (await axeFindings(page)).find((f) => f.rule === "color-contrast");
    expect(contrast?.targets).toContain("#faint");
    expect(await danglingReferences(page)).toContain(
      'div aria-labelledby="no-such-title": no element has that id',
    );
    // A page whose size another DevTools session changed (how the audit once zoomed) is not measured.
    await expectSize(page, "320px");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride", {
      width: 175,
      height: 400,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await expect(expectSize(page, "320px")).rejects.toThrow(
      "lays out 175 CSS px wide at 2 device px each, not 320 at 1",
    );
    await cdp.detach();
    await page.close();
  }, 60_000);

  const runs: [PaneLang, PaneTheme][] = [
    ["en", "light"],
    ["zh-HK", "light"],
    ["en", "dark"],
    ["zh-HK", "dark"],
  ];
  it.each(runs)(
    "in %s, %s theme: every view passes axe (colour contrast on) and fits at 320 px and at 200 %% zoom",
    async (lang, theme) => {
      const audits: ViewAudit[] = [];
      for (const size of SIZES) {
        const page = await h.open(lang, theme, undefined, size);
        if (lang === "zh-HK") expect(await page.textContent("#tab-data")).toContain("數據");
        // The theme's background covers the whole page, not only the pane's wrapper.
        const background = await page.evaluate(
          () => getComputedStyle(document.documentElement).backgroundColor,
        );
        expect(background).toBe(theme === "dark" ? "rgb(41, 41, 41)" : "rgb(255, 255, 255)");
        const suffix = theme === "dark" ? "-dark" : "";
        const shoot = async (view: string): Promise<void> => {
          await page.screenshot({ path: join(SHOTS, `${view}-${lang}${suffix}.png`), fullPage: false });
        };
        audits.push(...(await auditViews(page, size, size === "320px" ? shoot : undefined)));
        await page.close();
      }
      // Every view at every size, each measured at the width its size names (expectSize).
      expect(audits).toHaveLength(VIEWS.length * SIZES.length);
      expect(problemsOf(audits)).toEqual([]);
    },
    120_000,
  );

  it("opens a view loaded on demand behind a labelled spinner, and fetches it again on Try again after a failure", async () => {
    const page = await h.open("zh-HK", "light");
    const before = h.problems.length;
    // views.js (src/taskpane/views/lazy-views.ts) unreachable once, then slow.
    let reachable = false;
    await page.route("**/views.js", async (route) => {
      if (!reachable) return route.abort("connectionrefused");
      await new Promise((done) => setTimeout(done, 1_500));
      return route.continue();
    });
    await page.click("#tab-kpis");
    await page.getByText(/未能顯示此檢視；工作簿未有改動。（Loading chunk \d+ failed\./).waitFor();
    expect(await page.textContent("#tab-data")).toContain("數據");
    reachable = true;
    await page.getByRole("button", { name: "再試一次" }).click();
    await page.getByRole("progressbar", { name: "正在開啟檢視…" }).waitFor();
    await page.waitForSelector("#kpis-heading");
    // The refused fetch is the only problem the page reported.
    const mine = h.problems.splice(before);
    expect(mine.filter((p) => !/views\.js|Loading chunk|ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
    await page.close();
  }, 60_000);

  it("sends no request off the machine and runs under the page's CSP without errors", () => {
    expect(h.outside).toEqual([]);
    expect(h.problems).toEqual([]);
  });
});
