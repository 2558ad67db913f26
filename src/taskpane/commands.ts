/**
 * The ribbon's commands ("Check data", "Generate disclosures") run the pane's own actions: the mounted
 * pane registers its handlers here, and the entry point associates the command ids with `runCommand`.
 */
export type CommandId = "checkData" | "generateDisclosures";

type Handler = () => Promise<void>;

const handlers = new Map<CommandId, Handler>();
const pending: CommandId[] = [];

export function registerCommand(id: CommandId, handler: Handler): () => void {
  handlers.set(id, handler);
  // A command clicked before the pane mounted runs now.
  for (let i = pending.indexOf(id); i >= 0; i = pending.indexOf(id)) {
    pending.splice(i, 1);
    void handler();
  }
  return () => {
    if (handlers.get(id) === handler) handlers.delete(id);
  };
}

export async function runCommand(id: CommandId): Promise<void> {
  const handler = handlers.get(id);
  if (handler) await handler();
  else pending.push(id);
}
