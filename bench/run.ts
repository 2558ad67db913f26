/**
 * `npm run bench [-- --json] [-- --only name]`: runs every bench/*.bench.ts and prints named figures.
 * Each bench module exports `run(): Promise<Record<string, number>>`. Figures and ratios only: no
 * pass/fail here (targets are stated beside each figure in README.md).
 */
import { readdirSync } from "fs";
import { join } from "path";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !only || f.startsWith(only))
    .sort();
  const figures: Record<string, number> = {};
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<Record<string, number>> };
    const result = await mod.run();
    Object.assign(figures, result);
    if (!json) for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(48)} ${v}`);
  }
  if (json) process.stdout.write(JSON.stringify(figures) + "\n");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
