/** Names a list for people, keeping long lists short: `a, b, c, d, e en 3 meer`. */
export const listNames = (names: ReadonlyArray<string>, most = 5): string =>
  names.length <= most
    ? names.join(", ")
    : `${names.slice(0, most).join(", ")} en ${names.length - most} meer`
