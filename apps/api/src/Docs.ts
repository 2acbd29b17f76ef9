/**
 * `/docs`: the OpenAPI document as one readable HTML page, rendered here from the document itself: no
 * script, no CDN, nothing fetched by the browser.
 *
 * @since 0.1.0
 */

type Json = Record<string, unknown>

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c
  )

/** `Actie`, `string`, `array van Actie`: a schema's name or shape in a few words. */
const typeLabel = (schema: unknown): string => {
  if (typeof schema !== "object" || schema === null) return "willekeurig"
  const s = schema as Json
  if (typeof s.$ref === "string") return s.$ref.split("/").at(-1) ?? s.$ref
  if (s.type === "array") return `lijst van ${typeLabel(s.items)}`
  if (Array.isArray(s.anyOf)) return s.anyOf.map(typeLabel).join(" of ")
  if (Array.isArray(s.oneOf)) return s.oneOf.map(typeLabel).join(" of ")
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ")
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (typeof s.type === "string") return s.type
  return "object"
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`

/**
 * The page for `spec`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (spec: Json): string => {
  const info = spec.info as Json
  const paths = spec.paths as Record<string, Record<string, Json>>
  const schemas = ((spec.components as Json).schemas ?? {}) as Record<string, Json>
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op }))
  )
  const tags = [...new Set(operations.map((o) => (o.op.tags as Array<string>)[0] ?? ""))]
  const section = (tag: string) =>
    [
      `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>`,
      ...operations
        .filter((o) => (o.op.tags as Array<string>)[0] === tag)
        .map(({ path, method, op }) => {
          const parameters = (op.parameters ?? []) as Array<Json>
          const body = (
            ((op.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as
              | Json
              | undefined
          )?.schema
          const responses = Object.entries(op.responses as Record<string, Json>)
          return [
            `<section class="op" id="${escapeHtml(String(op.operationId))}">`,
            `<h3><span class="method ${method}">${method.toUpperCase()}</span> ${code(path)}</h3>`,
            `<p>${escapeHtml(String(op.summary ?? ""))}</p>`,
            ...String(op.description ?? "")
              .split("\n\n")
              .filter((p) => p !== "")
              .map((p) => `<p class="note">${escapeHtml(p)}</p>`),
            parameters.length === 0
              ? ""
              : `<table><caption>Parameters</caption><thead><tr><th scope="col">naam</th><th scope="col">in</th><th scope="col">type</th><th scope="col">verplicht</th></tr></thead><tbody>${parameters
                  .map(
                    (p) =>
                      `<tr><td>${code(String(p.name))}</td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(typeLabel(p.schema))}</td><td>${p.required === true ? "ja" : "nee"}</td></tr>`
                  )
                  .join("")}</tbody></table>`,
            body === undefined ? "" : `<p>Body: ${code(typeLabel(body))}</p>`,
            `<table><caption>Antwoorden</caption><thead><tr><th scope="col">status</th><th scope="col">betekenis</th><th scope="col">inhoud</th></tr></thead><tbody>${responses
              .map(([status, r]) => {
                const content = Object.entries((r.content ?? {}) as Record<string, Json>)
                const inhoud =
                  content.length === 0
                    ? "-"
                    : content
                        .map(([type, media]) => `${escapeHtml(type)}: ${code(typeLabel(media.schema))}`)
                        .join("<br>")
                return `<tr><td>${escapeHtml(status)}</td><td>${escapeHtml(String(r.description ?? ""))}</td><td>${inhoud}</td></tr>`
              })
              .join("")}</tbody></table>`,
            "</section>"
          ].join("\n")
        })
    ].join("\n")
  const schemaSection = Object.entries(schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => {
      const properties = Object.entries((schema.properties ?? {}) as Record<string, unknown>)
      const required = new Set((schema.required ?? []) as Array<string>)
      return `<section class="schema" id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${
        typeof schema.description === "string" ? `<p>${escapeHtml(schema.description)}</p>` : ""
      }${
        properties.length === 0
          ? `<p>${escapeHtml(typeLabel(schema))}</p>`
          : `<ul>${properties.map(([p, s]) => `<li>${code(p)}${required.has(p) ? "" : " (optioneel)"}: ${escapeHtml(typeLabel(s))}</li>`).join("")}</ul>`
      }</section>`
    })
    .join("\n")
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title))} — documentatie</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
code{background:#f2f2f2;padding:0 .2em;border-radius:3px}
.method{display:inline-block;min-width:4.5em;font-size:.85em;padding:.1em .4em;border-radius:3px;color:#fff;background:#2a5d8f;text-align:center}
.method.post{background:#2f7a3a}.method.patch{background:#8a5a00}.method.delete{background:#a12b2b}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
caption{text-align:left;font-weight:600}.note{color:#444}.op{border-top:1px solid #ddd;padding-top:.5rem}
</style>
</head>
<body>
<header><h1>${escapeHtml(String(info.title))} <small>${escapeHtml(String(info.version))}</small></h1>
${String(info.description ?? "")
  .split("\n\n")
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join("\n")}
<p>Het OpenAPI-document: <a href="/openapi.json">/openapi.json</a>. Stuur bij elk verzoek onder <code>/api/v1</code> een token mee: <code>Authorization: Bearer &lt;token&gt;</code> (maak er een met <code>dvcc token create</code>).</p>
<nav aria-label="Onderdelen"><ul>${tags.map((t) => `<li><a href="#${escapeHtml(t)}">${escapeHtml(t)}</a></li>`).join("")}<li><a href="#schemas">schema's</a></li></ul></nav>
</header>
<main>
${tags.map(section).join("\n")}
<h2 id="schemas">Schema's</h2>
${schemaSection}
</main>
</body>
</html>
`
}
