/** Writes docs/metrics.md from the metric dictionary. */
import { writeFileSync } from "fs";
import { join } from "path";
import { metricsMarkdown } from "../src/esg/metrics-doc";

writeFileSync(join(__dirname, "..", "docs", "metrics.md"), metricsMarkdown());
console.log("wrote docs/metrics.md");
