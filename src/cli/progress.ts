/**
 * A progress bar on stderr for runs long enough to watch, shown only when stderr is a terminal (so
 * pipes, CI logs and --json output stay clean).
 */
import { SingleBar, Presets } from "cli-progress";

export interface Progress {
  step(label: string): void;
  stop(): void;
}

const SILENT: Progress = { step: () => undefined, stop: () => undefined };

export function progress(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: " {bar} {value}/{total} {label}",
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  let done = 0;
  return {
    step(label: string) {
      bar.update(done, { label });
      done++;
    },
    stop() {
      bar.update(total, { label: "" });
      bar.stop();
    },
  };
}
