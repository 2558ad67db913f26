/**
 * The generate use case for the task pane and the ribbon commands, fetched when they first generate:
 * the disclosure builders and the sheet writer it reaches are generate.js, a webpack chunk the shared
 * runtime's page loads on demand (and prefetches once loaded) rather than before the pane's first
 * paint (bench taskpane_js_gzip_kb). A failed fetch rejects, and the caller reports it as a failed
 * generation; webpack requests a failed chunk again on the next call.
 */
import type { generateDisclosures } from "./generate";

export async function loadGenerate(): Promise<typeof generateDisclosures> {
  const use = await import(/* webpackChunkName: "generate", webpackPrefetch: true */ "./generate");
  return use.generateDisclosures;
}
