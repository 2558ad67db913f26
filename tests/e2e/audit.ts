/**
 * Accessibility and reflow audit of the task pane in real Chromium: axe-core with colour contrast on, and
 * a check that nothing runs past the pane's edge, for every view at 320 px and at 200 % zoom of a 350 px
 * pane (there, axe's layout rules only), and no ARIA reference to a missing id. Each size is a page of its
 * own (harness.ts PANE_SIZES), checked before every measurement: resizing one page back and forth through
 * two DevTools sessions left the bench measuring 175 px at its "320px" step and the e2e 320 px at its
 * "zoom200" step. One page load per language, theme and size is reused across the views, so the whole
 * sweep takes seconds (the jsdom axe run of the Data view alone took 53 s).
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { expectSize, VIEWS, type PaneSize, type View } from "./harness";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * WCAG 2.1 A and AA (the issue's bar) plus axe's best practices, which include colour contrast, landmarks
 * and heading order; the experimental and AAA rules stay off.
 */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** False positives, each excluded by rule and target only, with the upstream issue that explains it. */
export const AXE_EXCLUSIONS: readonly { rule: string; target: string; why: string }[] = [
  {
    rule: "aria-hidden-focus",
    // Tabster (Fluent's focus manager) puts aria-hidden, focusable "dummy inputs" at the edges of the
    // TabList to steer Tab into and out of it; they hand focus on at once and are by design:
    // https://github.com/microsoft/fluentui/issues/27517, https://github.com/microsoft/tabster/issues/288
    target: "[data-tabster-dummy]",
    why: "fluentui#27517, tabster#288",
  },
];

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
  readonly summary: string;
}

/**
 * The rules whose outcome depends on the layout, run again at 200 % zoom: the markup is the same at every
 * width (no view changes its DOM with the width), so the others would only repeat the 320 px run.
 */
const LAYOUT_RULES = ["color-contrast", "scrollable-region-focusable"];

/** axe over the whole page (`layoutOnly`: the layout rules only), after the documented exclusions. */
export async function axeFindings(page: Page, layoutOnly = false): Promise<AxeFinding[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, rules, exclusions }) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const result = await axe.run(document, {
        runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      const excluded = (rule: string, target: string): boolean =>
        exclusions.some((x) => x.rule === rule && document.querySelector(target)?.matches(x.target) === true);
      return result.violations.flatMap((v) => {
        const nodes = v.nodes.filter((n) => !excluded(v.id, String(n.target[0])));
        if (nodes.length === 0) return [];
        return [
          {
            rule: v.id,
            impact: v.impact ?? null,
            targets: nodes.map((n) => n.target.join(" ")),
            summary: `${v.id} (${nodes.length}): ${nodes
              .slice(0, 3)
              .map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`)
              .join(" | ")}`,
          },
        ];
      });
    },
    { tags: AXE_TAGS, rules: layoutOnly ? LAYOUT_RULES : null, exclusions: AXE_EXCLUSIONS },
  );
}

/**
 * What runs past the viewport's right edge, or scrolls or is clipped sideways inside the page: the page
 * scrolling sideways, an element whose box ends past the edge, or a scroll container wider inside than out.
 */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const edge = root.clientWidth;
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-metric") ? `[data-metric=${el.getAttribute("data-metric")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    const found: string[] = [];
    if (root.scrollWidth > edge) found.push(`the page is ${root.scrollWidth} px wide in ${edge} px`);
    // The shown view's root: wider inside than its box means something in it does not wrap or shrink,
    // even where the page hides or clips the excess.
    const view = document.querySelector('[role="tabpanel"]');
    if (view && view.scrollWidth > view.clientWidth)
      found.push(`the view ${name(view)} is ${view.scrollWidth} px wide in ${view.clientWidth} px`);
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      // Visually hidden text (1 px, clipped) is not content that runs off.
      if (style.position === "absolute" && box.width <= 1) continue;
      if (box.right > edge + 0.5) found.push(`${name(el)} ends at ${Math.round(box.right)} px of ${edge}`);
      else if (
        (style.overflowX === "auto" || style.overflowX === "scroll") &&
        el.scrollWidth > el.clientWidth + 1
      )
        found.push(`${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
    }
    return found;
  });
}

/** aria-labelledby, aria-describedby and aria-controls that name an id not in the page. */
export async function danglingReferences(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ["aria-labelledby", "aria-describedby", "aria-controls"].flatMap((attr) =>
      [...document.querySelectorAll(`[${attr}]`)].flatMap((el) =>
        (el.getAttribute(attr) ?? "")
          .split(/\s+/)
          .filter((id) => id !== "" && document.getElementById(id) === null)
          .map((id) => `${el.tagName.toLowerCase()} ${attr}="${id}": no element has that id`),
      ),
    ),
  );
}

/**
 * Lets Fluent's transitions (tab indicator, progress bar, a view's entrance) finish. It waits only: the
 * layout measured after it is the one the user is left with, and overflow is not hidden by waiting.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, {
    timeout: 5_000,
  });
}

/**
 * Shows a view through its tab and waits for the view itself: its heading, which only the view renders
 * (not the spinner its lazy chunk shows while loading, ViewBoundary.tsx), and no spinner left in the panel.
 */
export async function showView(page: Page, view: View): Promise<void> {
  await page.click(`#tab-${view}`);
  await page.waitForSelector(`#${view}-heading`);
  await page.waitForFunction(() => document.querySelector('[role="tabpanel"] .fui-Spinner') === null);
}

export interface ViewAudit {
  readonly view: View;
  readonly size: PaneSize;
  readonly axe: readonly AxeFinding[];
  readonly overflow: readonly string[];
  readonly references: readonly string[];
}

/**
 * Every view on one page opened at `size` (Harness.open): each is shown, waited for and settled, the page's
 * size checked, then measured. `shoot` is called on each view after its measurement (for the screenshots).
 */
export async function auditViews(
  page: Page,
  size: PaneSize,
  shoot?: (view: View) => Promise<void>,
): Promise<ViewAudit[]> {
  const audits: ViewAudit[] = [];
  for (const view of VIEWS) {
    await showView(page, view);
    await settle(page);
    await expectSize(page, size);
    audits.push({
      view,
      size,
      axe: await axeFindings(page, size !== "320px"),
      overflow: await overflow(page),
      references: await danglingReferences(page),
    });
    if (shoot) await shoot(view);
  }
  return audits;
}
