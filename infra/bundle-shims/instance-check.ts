// For a class that a bundled dependency imports only to ask `x instanceof C`:
// an object that answers the same question, loading the class only when asked.
// Used by the shims of Node modules whose load (or ES-module facade) costs at
// every cold start what those rare checks never repay (docs/performance.md).
export function instanceCheck(load: () => abstract new (...args: never[]) => unknown): { [Symbol.hasInstance](value: unknown): boolean } {
  return { [Symbol.hasInstance]: (value: unknown) => value instanceof load() };
}
