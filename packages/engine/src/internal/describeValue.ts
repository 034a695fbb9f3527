/** A short, safe description of any value for "received" in an issue. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function previewValue(value: unknown, max = 40): string {
  let text: string;
  switch (typeof value) {
    case "string":
      text = JSON.stringify(value);
      break;
    case "number":
    case "boolean":
    case "bigint":
      text = String(value);
      break;
    default:
      return describeType(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The value found by following `path` into `root`, or undefined. Never calls getters on prototypes. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A plain object (JSON-like), with only own enumerable string keys. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}
