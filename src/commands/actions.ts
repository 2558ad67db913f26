/**
 * The ribbon's actions and who carries them out. The ribbon buttons ("Check data", "Generate
 * disclosures") run in the shared runtime through commands.ts, but the work belongs to the task
 * pane: the mounted pane registers a handler per action here, and a button press requests it. A
 * request made before the pane has registered (the pane is still loading) waits and runs as soon as
 * the handler arrives.
 *
 * The registry lives on `globalThis`, not in this module: the commands, functions and task pane
 * bundles are separate webpack entries, each with its own copy of this module, and share only the
 * page's global object in the shared runtime.
 */
export const ACTION_IDS = ["checkData", "generateDisclosures"] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export type ActionHandler = () => void | Promise<void>;

interface Registry {
  readonly handlers: Map<ActionId, ActionHandler>;
  readonly pending: Set<ActionId>;
  /** Called with any error a handler throws or rejects with. */
  onError: (id: ActionId, error: unknown) => void;
}

const KEY = "__esgDisclosureAddinActions";

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  let r = g[KEY];
  if (!r) {
    r = {
      handlers: new Map(),
      pending: new Set(),
      onError: (id, e) => console.error(`ESG add-in: action ${id} failed`, e),
    };
    g[KEY] = r;
  }
  return r;
}

function invoke(r: Registry, id: ActionId, handler: ActionHandler): void {
  try {
    const done = handler();
    if (done instanceof Promise) done.catch((e: unknown) => r.onError(id, e));
  } catch (e: unknown) {
    r.onError(id, e);
  }
}

/**
 * Registers the handler of an action (the task pane does, when it mounts) and runs it at once if a
 * request is waiting. Returns a function that unregisters it (for the pane's unmount).
 */
export function registerAction(id: ActionId, handler: ActionHandler): () => void {
  const r = registry();
  r.handlers.set(id, handler);
  if (r.pending.delete(id)) invoke(r, id, handler);
  return () => {
    if (r.handlers.get(id) === handler) r.handlers.delete(id);
  };
}

/**
 * Requests an action: runs its handler now if one is registered ("ran"), else keeps the request until
 * one is ("queued"; several presses before then run it once). Never throws and does not wait for the
 * handler to finish: a long generation must not hold the ribbon command open.
 */
export function requestAction(id: ActionId): "ran" | "queued" {
  const r = registry();
  const handler = r.handlers.get(id);
  if (!handler) {
    r.pending.add(id);
    return "queued";
  }
  invoke(r, id, handler);
  return "ran";
}

/**
 * Tells the pane about an action done elsewhere (the ribbon command ran it itself): runs the handler
 * if the pane has registered one, else does nothing — a pane that mounts later reads the workbook
 * anyway. Returns whether a handler ran.
 */
export function notifyAction(id: ActionId): boolean {
  const r = registry();
  const handler = r.handlers.get(id);
  if (handler) invoke(r, id, handler);
  return handler !== undefined;
}

/** Where handler errors go (the pane may show them); by default the console. */
export function onActionError(report: (id: ActionId, error: unknown) => void): void {
  registry().onError = report;
}

/** Whether an action is waiting for its handler (for tests and the pane's first render). */
export function isPending(id: ActionId): boolean {
  return registry().pending.has(id);
}
