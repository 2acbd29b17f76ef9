/**
 * What an id chosen as data (a baat, a doel, a code of a list) looks like: lower-case letters, digits and
 * hyphens, starting with a letter or digit, as in a URL; short enough to read in a message or a workbook.
 */
import { Schema } from "effect"

const idPattern = /^[a-z0-9][a-z0-9-]*$/

const idMaxLength = 64

/** The check of such an id; `wat` names what it identifies in the Dutch message. */
export const idFilter = (wat: string) =>
  Schema.makeFilter(
    (s: string) =>
      (s.length <= idMaxLength && idPattern.test(s)) ||
      `${JSON.stringify(s.length > idMaxLength ? `${s.slice(0, idMaxLength)}…` : s)} is geen geldige id van een ${wat}: kleine letters, cijfers en koppeltekens, beginnend met een letter of cijfer, hoogstens ${idMaxLength} tekens`
  )
