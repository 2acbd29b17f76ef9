/**
 * The sign-in page. A refusal says only that the address or the password is wrong, never which, so the
 * page does not tell whether an account exists.
 */
import { Html } from "@dvcc/report"
import { csrfField, errorSummary, page, textField } from "../Layout.ts"

const meldingen = {
  leeg: { veld: "email", tekst: "Vul uw e-mailadres en wachtwoord in." },
  onjuist: { veld: "email", tekst: "Het e-mailadres of het wachtwoord is onjuist." },
  limiet: {
    veld: "email",
    tekst: "Er is te vaak een onjuist wachtwoord ingevuld. Probeer het over een kwartier opnieuw."
  }
} as const

export const render = (opties: {
  readonly csrf: string
  readonly email?: string
  readonly fout?: keyof typeof meldingen
  readonly gezet?: boolean
}): string => {
  const fout = opties.fout === undefined ? undefined : meldingen[opties.fout]
  return page(
    fout === undefined ? "Inloggen" : "Fout: inloggen",
    `<div class="smal">
<h1 class="utrecht-heading-1">Inloggen</h1>
${opties.gezet === true ? `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea("Uw wachtwoord is ingesteld. U kunt nu inloggen.")}</div>` : ""}
${errorSummary(fout === undefined ? [] : [fout])}
<form method="post" action="/inloggen" novalidate>
${csrfField(opties.csrf)}
${textField({ id: "email", label: "E-mailadres", type: "email", autocomplete: "username", ...(opties.email === undefined ? {} : { waarde: opties.email }), fout: fout !== undefined })}
${textField({ id: "wachtwoord", label: "Wachtwoord", type: "password", autocomplete: "current-password", fout: fout !== undefined })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Inloggen</button>
</form>
</div>`
  )
}
