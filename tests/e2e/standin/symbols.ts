/**
 * Jest runs each test file in its own vm context, whose `Symbol` lacks `Symbol.dispose` and
 * `Symbol.asyncDispose` (Node adds them to its main realm only). playwright-core then defines its
 * handles' dispose methods under `undefined` but looks them up under `Symbol.for("Symbol.dispose")`
 * (its bundled `__knownSymbol`), and any element handle in a frame fails with "Object not disposable".
 * Giving the context the symbols playwright falls back to, before it loads, makes the two agree.
 */
const symbols = Symbol as unknown as Record<string, symbol | undefined>;
for (const name of ["dispose", "asyncDispose"]) {
  if (symbols[name] === undefined)
    Object.defineProperty(Symbol, name, { value: Symbol.for(`Symbol.${name}`) });
}
export {};
