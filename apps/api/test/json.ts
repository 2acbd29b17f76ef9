/** A response body as JSON for assertions: the tests check its shape with asserts, not with types. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the assertions that read them
export const json = (response: Response): Promise<any> => response.json()
