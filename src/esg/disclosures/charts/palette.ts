/**
 * The chart palette of the disclosure sheets, in the order series (and doughnut points) take it.
 *
 * Every colour has a contrast ratio of at least 3:1 against the white chart area, as WCAG 2.1
 * SC 1.4.11 (Non-text Contrast) asks of graphical objects needed to understand the content. The
 * colours also differ in lightness from each other (relative luminance 0.04, 0.27, 0.17, 0.09: any two
 * at least 1.4:1 apart), so a report printed in greyscale still tells the series apart; the first two
 * (this year and the prior year) are the furthest apart. Hues follow the sheets' tab colours (blue,
 * green) with one orange for contrast. tests/esg/disclosures/charts/palette.test.ts computes the ratios.
 */
export const CHART_PALETTE: readonly string[] = [
  "0B3C5D", // navy
  "D9730D", // orange
  "4472C4", // blue (the social aspects' tab colour)
  "2A5F31", // dark green
];
