/**
 * Base of every fake proxy: an object whose entity is found when the batch runs (at the position the
 * proxy was created), whose properties throw PropertyNotLoaded until load() + sync(), and whose
 * isNullObject is known only after a sync (docs: "Office automatically loads this property when
 * context.sync is called").
 */
import { fail } from "./errors";
import {
  ACTION_BYTES,
  FORMAT_PATH_BYTES,
  jsonSize,
  OBJECT_PATH_BYTES,
  QUERY_BYTES,
  RESULT_BYTES,
  type Command,
  type FakeRuntime,
} from "./runtime";

export class FakeContextBase {
  queue: Command[] = [];
  /**
   * Inside Excel.run office.js tracks every Range it makes (ClientObject constructor: `_autoCleanup` and
   * `_KeepReference`, then TrackedObjects._autoAdd, excel-web-16.00.debug.js) and, when the run ends, sends
   * one more request releasing those that got a reference (ClientRequestContext._runCommon,
   * attemptCleanup). Set by FakeExcel.run; ranges are tracked from creation until untrack().
   */
  autoTrack = false;
  private readonly pendingTracked = new Set<object>();
  /** Tracked ranges whose batch succeeded: Excel holds a reference to each until the run's release request. */
  readonly tracked = new Set<object>();
  constructor(readonly runtime: FakeRuntime) {}

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  track(o: object): void {
    if (this.autoTrack) this.pendingTracked.add(o);
  }

  untrack(o: object): void {
    this.pendingTracked.delete(o);
    this.tracked.delete(o);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const queue = this.queue;
    this.queue = [];
    // office.js adds a _KeepReference action (and one more Instantiate) per tracked range to the request.
    const keep = this.pendingTracked.size;
    try {
      this.runtime.execute(queue, keep);
    } catch (e) {
      // A failed request returns no reference ids: nothing to release for it.
      this.pendingTracked.clear();
      throw e;
    }
    for (const o of this.pendingTracked) this.tracked.add(o);
    this.pendingTracked.clear();
  }
}

type Resolver<E> = () => E | null;

export abstract class FakeProxy<E> {
  private bound: E | null | undefined;
  private nullKnown = false;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContextBase,
    private readonly resolver: Resolver<E>,
    protected readonly orNull: boolean,
    protected readonly label: string,
    /** Queue a resolve command now (objects returned by methods); roots and loaded items need none. */
    queueResolve: boolean,
  ) {
    if (queueResolve) {
      ctx.enqueue({
        label: `${label}:resolve`,
        mutates: false,
        bytes: OBJECT_PATH_BYTES + label.length,
        run: () => {
          this.resolveNow();
          return { bytes: RESULT_BYTES, commit: () => (this.nullKnown = true) };
        },
      });
    }
  }

  /** Is the entity still part of the workbook (a deleted sheet is not)? */
  protected alive(_e: E): boolean {
    return true;
  }

  resolveNow(): E | null {
    if (this.bound === undefined) this.bound = this.resolver();
    if (this.bound !== null && !this.alive(this.bound)) this.bound = null;
    return this.bound;
  }

  /** The entity, for a command running now: a missing or null object fails the batch. */
  entity(): E {
    const e = this.resolveNow();
    if (e === null) fail("ItemNotFound", `The requested resource doesn't exist (${this.label}).`, this.label);
    return e;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) fail("PropertyNotLoaded", `isNullObject of ${this.label} is not known before context.sync().`);
    return this.bound === null;
  }

  /** Marks a proxy made from loaded collection items as synced. */
  markSynced(): void {
    this.nullKnown = true;
  }

  protected read<T>(prop: string): T {
    // A property of a null object (isNullObject known true after a sync) reads as undefined in office.js:
    // Utility.throwIfNotLoaded(propertyName, fieldValue, entityName, isNull) throws only when !isNull
    // (@microsoft/office-js dist/excel-web-16.00.debug.js).
    if (this.nullKnown && this.bound === null) return undefined as T;
    if (!this.loaded.has(prop)) {
      fail(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  deliver(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
    this.nullKnown = true;
  }

  /** Properties load() may ask for, each with the requirement set it needs and how to read it. */
  protected abstract loadable(): Record<string, { minApi?: string; get: (e: E) => unknown }>;

  load(propertyNames?: string | string[]): this {
    if (propertyNames === undefined || propertyNames === "" || (Array.isArray(propertyNames) && propertyNames.length === 0)) {
      throw new Error("fake Excel: parameterless load() loads every property; the docs say never to do it");
    }
    const props = (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const table = this.loadable();
    const minApi = props.map((p) => table[p]?.minApi).find((v): v is string => v !== undefined);
    this.ctx.enqueue({
      label: `${this.label}.load(${props.join(",")})`,
      mutates: false,
      bytes: QUERY_BYTES + jsonSize(props),
      minApi,
      run: () => {
        const e = this.resolveNow();
        if (e === null) {
          if (!this.orNull) fail("ItemNotFound", `The requested resource doesn't exist (${this.label}).`, this.label);
          return { bytes: RESULT_BYTES, commit: () => (this.nullKnown = true) };
        }
        const data: Record<string, unknown> = {};
        for (const p of props) {
          const spec = table[p];
          if (!spec) fail("InvalidArgument", `fake Excel: cannot load '${p}' on ${this.label}`);
          data[p] = spec.get(e);
        }
        return { bytes: RESULT_BYTES + jsonSize(data), commit: () => this.deliver(data) };
      },
    });
    return this;
  }

  /** Queues a property set or method call on the entity. */
  protected command(name: string, args: unknown, apply: (e: E) => void, minApi?: string): void {
    this.ctx.enqueue({
      label: `${this.label}.${name}`,
      mutates: true,
      bytes: ACTION_BYTES + name.length + jsonSize(args) + (name.startsWith("format.") ? FORMAT_PATH_BYTES : 0),
      minApi,
      run: () => {
        apply(this.entity());
      },
    });
  }
}
