/**
 * The form fields of the pages that change something, beside Layout's `textField`: a labelled select, a
 * text area, a file input and a text field with a hint, each marked invalid with its message when the
 * error summary links to it.
 */
import { Html } from "@dvcc/report"

const { esc } = Html

interface Field {
  readonly id: string
  readonly label: string
  /** A hint under the label, for the format expected. */
  readonly hint?: string
  /** The message of the error summary about this field. */
  readonly fout?: string | undefined
}

const start = (veld: Field): string =>
  `<div class="utrecht-form-field${veld.fout === undefined ? "" : " utrecht-form-field--invalid"}"><label class="utrecht-form-label" for="${esc(veld.id)}">${esc(veld.label)}</label>${veld.hint === undefined ? "" : `<div class="utrecht-form-field-description" id="${esc(veld.id)}-hint">${esc(veld.hint)}</div>`}${veld.fout === undefined ? "" : `<div class="utrecht-form-field-error-message" id="${esc(veld.id)}-fout">${esc(veld.fout)}</div>`}`

const described = (veld: Field): string => {
  const ids = [
    ...(veld.hint === undefined ? [] : [`${veld.id}-hint`]),
    ...(veld.fout === undefined ? [] : [`${veld.id}-fout`])
  ]
  return `${ids.length === 0 ? "" : ` aria-describedby="${esc(ids.join(" "))}"`}${veld.fout === undefined ? "" : ' aria-invalid="true"'}`
}

/** A text field with an optional hint. */
export const input = (
  veld: Field & {
    readonly waarde?: string | undefined
    readonly type?: "text" | "email"
    readonly required?: boolean
    readonly autocomplete?: string
  }
): string =>
  `${start(veld)}<input class="utrecht-textbox${veld.fout === undefined ? "" : " utrecht-textbox--invalid"}" id="${esc(veld.id)}" name="${esc(veld.id)}" type="${veld.type ?? "text"}" autocomplete="${esc(veld.autocomplete ?? "off")}" maxlength="256"${veld.required === false ? "" : " required"} value="${esc(veld.waarde ?? "")}"${described(veld)}></div>`

/** A select of `opties` (value, label), with `waarde` selected. */
export const select = (
  veld: Field & {
    readonly opties: ReadonlyArray<readonly [string, string]>
    readonly waarde?: string | undefined
    readonly leeg?: string
  }
): string =>
  `${start(veld)}<select class="utrecht-select utrecht-select--html-select${veld.fout === undefined ? "" : " utrecht-select--invalid"}" id="${esc(veld.id)}" name="${esc(veld.id)}" required${described(veld)}>${veld.leeg === undefined ? "" : `<option value="">${esc(veld.leeg)}</option>`}${veld.opties.map(([value, label]) => `<option value="${esc(value)}"${value === veld.waarde ? " selected" : ""}>${esc(label)}</option>`).join("")}</select></div>`

/** A text area of at most `max` characters. */
export const textarea = (
  veld: Field & { readonly waarde?: string | undefined; readonly max: number }
): string =>
  `${start(veld)}<textarea class="utrecht-textarea${veld.fout === undefined ? "" : " utrecht-textarea--invalid"}" id="${esc(veld.id)}" name="${esc(veld.id)}" rows="4" maxlength="${veld.max}"${described(veld)}>${esc(veld.waarde ?? "")}</textarea></div>`

/** A file input for one workbook. */
export const file = (veld: Field & { readonly accept: string }): string =>
  `${start(veld)}<input id="${esc(veld.id)}" name="${esc(veld.id)}" type="file" accept="${esc(veld.accept)}" required${described(veld)}></div>`

/** A page that refuses: the role may not use it (403), with the header and menu of the session. */
export const forbidden = "U mag deze pagina niet gebruiken met uw rol."
