/**
 * The page behind the one-time link that `dvcc user create` prints: set a password, twice.
 */
import { Html } from "@dvcc/report"
import { csrfField, errorSummary, page, textField } from "../Layout.ts"

const { esc } = Html

export const render = (opties: {
  readonly csrf: string
  readonly link: string
  readonly valid: boolean
  readonly fout?: string
}): string => {
  if (!opties.valid)
    return page(
      "Link ongeldig",
      `<h1 class="utrecht-heading-1">Deze link werkt niet meer</h1>${Html.alinea("De link om een wachtwoord in te stellen is al gebruikt of verlopen. Vraag de beheerder om een nieuwe.")}`
    )
  const fout =
    opties.fout === undefined
      ? []
      : [
          {
            veld: "wachtwoord",
            tekst:
              opties.fout === "verschillend"
                ? "De twee wachtwoorden zijn niet gelijk."
                : `Kies een ander wachtwoord: ${opties.fout}.`
          }
        ]
  return page(
    fout.length === 0 ? "Wachtwoord instellen" : "Fout: wachtwoord instellen",
    `<div class="smal">
<h1 class="utrecht-heading-1">Wachtwoord instellen</h1>
${errorSummary(fout)}
<form method="post" action="/wachtwoord/${esc(encodeURIComponent(opties.link))}" novalidate>
${csrfField(opties.csrf)}
<p class="utrecht-paragraph" id="eisen">Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.</p>
${textField({ id: "wachtwoord", label: "Nieuw wachtwoord", type: "password", autocomplete: "new-password", fout: fout.length > 0 })}
${textField({ id: "herhaling", label: "Herhaal het wachtwoord", type: "password", autocomplete: "new-password" })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Wachtwoord instellen</button>
</form>
</div>`
  )
}
