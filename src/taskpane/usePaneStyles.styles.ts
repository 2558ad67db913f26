import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

/** The pane fills the task pane's frame edge to edge; the theme's colours are set on <html> (usePaneView). */
export const usePaneStaticStyles = makeStaticStyles({ body: { margin: 0 } });

/**
 * Everything here fits Office's narrowest task pane (320 px) and 200 % zoom of a 350 px pane (175 CSS px):
 * flex and grid children shrink (`min-width: 0`) and long words wrap, so no view scrolls sideways.
 */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  banner: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { margin: 0, minWidth: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // The tab row wraps onto a second line rather than scrolling sideways with tabs out of sight.
  tabs: {
    flexWrap: "wrap",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  panel: {
    flexGrow: 1,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
});

/** Shared by the views: headings, stacks, cards and fields that fit a narrow pane. */
export const useViewStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  minor: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  /** A metric of the Data view: name and status, the name picker, the value with its unit. */
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThicker,
  },
  cardHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  // The native <select> is as wide as its longest option unless told to shrink.
  picker: { minWidth: 0, width: "100%", maxWidth: "100%" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    "& dt": { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
    "& dd": { margin: 0, minWidth: 0 },
  },
  figure: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  status: { fontWeight: tokens.fontWeightSemibold },
  // Status text: Fluent's status tokens, at least 4.5:1 on colorNeutralBackground1-3 in webLightTheme and
  // webDarkTheme (Success/Foreground1 5.3:1, Warning/Foreground3 4.6:1, Danger/Foreground3 5.6:1, measured by
  // the e2e's axe colour-contrast run). The card's left edge takes the same colour.
  ok: { color: tokens.colorStatusSuccessForeground1 },
  warn: { color: tokens.colorStatusWarningForeground3 },
  bad: { color: tokens.colorStatusDangerForeground3 },
  okEdge: { borderLeftColor: tokens.colorStatusSuccessForeground1 },
  warnEdge: { borderLeftColor: tokens.colorStatusWarningForeground3 },
  badEdge: { borderLeftColor: tokens.colorStatusDangerForeground3 },
  /** A fieldset that may shrink below its content's width (browsers give fieldsets min-inline-size: min-content). */
  fieldset: {
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Two or more columns where they fit, one column at 320 px and at 200 % zoom.
  sections: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 11rem), 1fr))",
    columnGap: tokens.spacingHorizontalS,
  },
  // The checkbox's box stays beside the first line of a label that wraps.
  check: { minWidth: 0, alignItems: "flex-start" },
  radios: { flexWrap: "wrap" },
  // Every input, textarea and select takes the pane's width and shrinks with it: left alone, a native
  // <input> is 20 characters wide and a <textarea> 20 columns (HTML's default size and cols), about 180 px,
  // past the edge of a 175 CSS px pane (200 % zoom of 350 px).
  input: { minWidth: 0, width: "100%", maxWidth: "100%" },
  summary: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  /** A paragraph inside a card: no margin of its own, the card's gap spaces it. */
  prose: { margin: 0 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
