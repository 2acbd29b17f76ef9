/**
 * `/openapi.json`: the OpenAPI 3.1 document, generated from the endpoint descriptions, so from the very
 * Schemas the handlers decode and encode with. Each Schema goes through `effect`'s JSON Schema compiler
 * (`SchemaRepresentation` → draft 2020-12 → OpenAPI 3.1); named Schemas (an `identifier`) become
 * `components.schemas` that every endpoint shares.
 *
 * @since 0.1.0
 */
import { Access, Dataset } from "@dvcc/core"
import { JsonSchema, Schema, type SchemaAST, SchemaRepresentation } from "effect"
import type { Endpoint, Group } from "./Endpoint.ts"
import * as Problem from "./Problem.ts"

type Json = Record<string, unknown>

/**
 * @since 0.1.0
 * @category models
 */
export interface Info {
  readonly title: string
  readonly version: string
  readonly description?: string
}

const openApiPath = (prefix: string, path: string): string => {
  const full = `${prefix}${path === "/" ? "" : path}`.replace(/:(\w+)/g, "{$1}")
  return full === "" ? "/" : full
}

/** The roles whose matrix row holds `actie`, for the documentation. */
const rolesFor = (actie: Access.Actie): ReadonlyArray<Access.Rol> =>
  Access.Rol.literals.filter((rol) => Access.allows({ rol }, actie))

/**
 * The JSON Schema (draft 2020-12) of a whole dataset: the format of a programme file for
 * `dvcc init --programma`, published as `docs/dataset.schema.json`. It is for preliminary validation and
 * editors; the `Dataset` decoder stays the authority (it also checks every cross-reference).
 *
 * @since 0.3.0
 * @category constructors
 */
export const datasetSchema = (): Json => {
  const document = Schema.toJsonSchemaDocument(Dataset.Dataset)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "dvcc Dataset",
    description:
      "Een programma met zijn strategieperioden (DIN), regio, jaarplannen, indicatoren en records, zoals @dvcc/core het decodeert. Gegenereerd uit het Dataset-schema; de decoder controleert daarnaast alle verwijzingen.",
    ...document.schema,
    $defs: document.definitions
  }
}

/**
 * The OpenAPI 3.1 document of `groups`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const document = (groups: ReadonlyArray<Group>, info: Info): Json => {
  // Every Schema in one list: compiled together they share one set of named components.
  // The Dataset is no endpoint's body; it is listed so that `components.schemas.Dataset` documents the
  // format of a programme file (`dvcc init --programma`), as docs/dataset.schema.json does.
  const asts: Array<SchemaAST.AST> = [
    Schema.toCodecJson(Problem.Problem).ast,
    Schema.toCodecJson(Dataset.Dataset).ast
  ]
  const index = (schema: Schema.Top | undefined): number | undefined => {
    if (schema === undefined) return undefined
    asts.push(Schema.toCodecJson(schema).ast)
    return asts.length - 1
  }
  const operations = groups.flatMap((group) =>
    group.endpoints.map((endpoint: Endpoint) => ({
      group,
      endpoint,
      params: index(endpoint.params),
      query: index(endpoint.query),
      body: index(endpoint.body),
      response:
        endpoint.status === 204 || endpoint.download !== undefined ? undefined : index(endpoint.response)
    }))
  )
  const [first, ...rest] = asts as [SchemaAST.AST, ...Array<SchemaAST.AST>]
  const compiled = JsonSchema.toMultiDocumentOpenApi3_1(
    SchemaRepresentation.toJsonSchemaMultiDocument(SchemaRepresentation.toRepresentations([first, ...rest]))
  )
  const schemaAt = (i: number | undefined): Json | undefined =>
    i === undefined ? undefined : (compiled.schemas[i] as Json | undefined)
  const problemSchema = schemaAt(0) ?? {}

  const parameters = (i: number | undefined, where: "path" | "query"): Array<Json> => {
    const schema = schemaAt(i)
    if (schema === undefined) return []
    const properties = (schema.properties ?? {}) as Record<string, Json>
    const required = new Set((schema.required ?? []) as Array<string>)
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || required.has(name),
      schema: property,
      ...(typeof property.description === "string" ? { description: property.description } : {})
    }))
  }

  const problemResponse = (kind: Problem.Kind) => ({
    description: Problem.kinds[kind].title,
    content: { "application/problem+json": { schema: problemSchema } }
  })

  const etagHeader = {
    ETag: {
      description: "De versie van dit antwoord; stuur haar terug in If-None-Match",
      schema: { type: "string" }
    }
  }
  const ifNoneMatch = {
    name: "If-None-Match",
    in: "header",
    required: false,
    description:
      "De ETag van een eerder antwoord: is er sindsdien niets veranderd, dan volgt 304 zonder body.",
    schema: { type: "string" }
  }

  const paths: Record<string, Record<string, Json>> = {}
  for (const { group, endpoint, params, query, body, response } of operations) {
    const path = openApiPath(group.prefix, endpoint.path)
    const cached = endpoint.cache !== undefined && endpoint.method === "get"
    const responses: Record<string, Json> = {
      [String(endpoint.status ?? 200)]:
        endpoint.download !== undefined
          ? {
              description: "Het bestand, met de bestandsnaam in Content-Disposition",
              headers: {
                "Content-Disposition": {
                  description: 'attachment; filename="…" (HTML: inline)',
                  schema: { type: "string" }
                }
              },
              content: Object.fromEntries(
                endpoint.download.contentTypes.map((type) => [
                  type,
                  { schema: { type: "string", contentMediaType: type.split(";")[0]?.trim() ?? type } }
                ])
              )
            }
          : response === undefined
            ? { description: "Gelukt" }
            : {
                description: "Gelukt",
                ...(cached ? { headers: etagHeader } : {}),
                ...(endpoint.location === undefined
                  ? {}
                  : {
                      headers: {
                        Location: { description: "Het pad van wat is aangemaakt", schema: { type: "string" } }
                      }
                    }),
                content: { "application/json": { schema: schemaAt(response) } }
              }
    }
    if (cached)
      responses["304"] = {
        description: "Niet gewijzigd: de ETag in If-None-Match is nog de actuele",
        headers: etagHeader
      }
    const kinds = new Set<Problem.Kind>(endpoint.problems ?? [])
    if (endpoint.actie !== null)
      for (const k of ["niet-aangemeld", "geen-toegang", "te-veel-verzoeken"] as const) kinds.add(k)
    if (body !== undefined || endpoint.upload !== undefined)
      for (const k of ["ongeldig-verzoek", "te-groot", "verkeerd-mediatype", "validatie"] as const)
        kinds.add(k)
    if (params !== undefined || query !== undefined) kinds.add("validatie")
    for (const kind of kinds) responses[String(Problem.kinds[kind].status)] = problemResponse(kind)
    const method = endpoint.method
    const operationId = `${method}${path
      .replace(/[{}]/g, "")
      .split(/[/-]/)
      .map((s) => (s === "" ? "" : s[0]?.toUpperCase() + s.slice(1)))
      .join("")}`
    paths[path] = {
      ...paths[path],
      [method]: {
        operationId,
        tags: [group.tag],
        summary: endpoint.summary,
        description: [
          endpoint.description,
          endpoint.actie === null
            ? "Geen token nodig."
            : `Actie \`${endpoint.actie}\`: toegestaan voor ${rolesFor(endpoint.actie).join(", ")}.`
        ]
          .filter((s) => s !== undefined)
          .join("\n\n"),
        ...(endpoint.actie === null ? { security: [] } : { "x-dvcc-actie": endpoint.actie }),
        parameters: [
          ...parameters(params, "path"),
          ...parameters(query, "query"),
          ...(cached ? [ifNoneMatch] : [])
        ],
        ...(endpoint.upload === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: {
                  "multipart/form-data": {
                    schema: {
                      type: "object",
                      required: [endpoint.upload.field],
                      properties: {
                        [endpoint.upload.field]: {
                          type: "string",
                          contentMediaType:
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          description: endpoint.upload.description
                        }
                      }
                    }
                  }
                }
              }
            }),
        ...(body === undefined
          ? {}
          : { requestBody: { required: true, content: { "application/json": { schema: schemaAt(body) } } } }),
        responses
      }
    }
  }

  return {
    openapi: "3.1.0",
    info: {
      title: info.title,
      version: info.version,
      ...(info.description === undefined ? {} : { description: info.description }),
      license: { name: "MIT", identifier: "MIT" }
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    tags: groups.map((g) => ({ name: g.tag, description: g.description })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "Een API-token van `dvcc token create`."
        }
      },
      schemas: compiled.definitions
    }
  }
}
