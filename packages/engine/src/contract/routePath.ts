/** The route's path with its parameters filled in, each percent-encoded. */
export function routePath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([a-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new TypeError(`routePath: ${path} needs the parameter "${name}"; received none.`);
    }
    return encodeURIComponent(value);
  });
}
