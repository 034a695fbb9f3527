type Path = readonly (string | number)[];

/**
 * JSON with object keys sorted by UTF-16 code units, no whitespace, `undefined` members left
 * out: the RFC 8785 (JCS) form for the data the engine stores (strings, integers, booleans).
 * Throws for values JSON cannot carry, since hashing them would be a programmer error.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, [], new Set());
}

function encode(value: unknown, path: Path, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) {
        throw cannotEncode(
          `the number ${value}`,
          path,
          "JSON has no NaN or Infinity; store null or a finite number",
        );
      }
      return JSON.stringify(value);
    case "object": {
      if (ancestors.has(value))
        throw cannotEncode("a circular reference", path, "pass a tree, not a graph");
      ancestors.add(value);
      // Array.from visits holes, so a sparse array encodes its holes as null like JSON.stringify.
      const text = Array.isArray(value)
        ? `[${Array.from(value, (item, i) => encode(item ?? null, [...path, i], ancestors)).join(",")}]`
        : encodeObject(value as Record<string, unknown>, path, ancestors);
      ancestors.delete(value);
      return text;
    }
    default:
      throw cannotEncode(
        `a value of type ${typeof value}`,
        path,
        "convert it to a string, number or boolean first",
      );
  }
}

function encodeObject(record: Record<string, unknown>, path: Path, ancestors: Set<object>): string {
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${encode(record[key], [...path, key], ancestors)}`);
  return `{${members.join(",")}}`;
}

function cannotEncode(what: string, path: Path, fix: string): TypeError {
  const at = path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
  return new TypeError(`canonicalJson: cannot encode ${what} at $${at}; ${fix}.`);
}
