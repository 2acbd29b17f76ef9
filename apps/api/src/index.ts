/**
 * @since 0.1.0
 */
export * as App from "./App.ts"
export * as Endpoint from "./Endpoint.ts"
export * as OpenApi from "./OpenApi.ts"
export * as Problem from "./Problem.ts"
export * as Server from "./Server.ts"
