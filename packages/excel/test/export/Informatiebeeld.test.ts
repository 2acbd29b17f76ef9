import { Informatiebeeld, Periode, Registration } from "@dvcc/core"
import { dataset, regio } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import type ExcelJS from "exceljs"
import { Export } from "../../src/index.ts"
import { headerRow, registraties, reload, utrecht } from "./fixtures.ts"

const periode = Periode.kwartaal(2025, 3)
const input = (publiek: boolean): Export.InformatiebeeldInput => ({
  regio,
  registraties: registraties(),
  reeksbreuken: dataset.reeksbreuken,
  periode,
  publiek
})

const table = async (publiek: boolean, zonderSextortion = false) => {
  const invoer = input(publiek)
  const workbook = await reload(
    Export.informatiebeeldWorkbook(
      zonderSextortion
        ? { ...invoer, registraties: invoer.registraties.filter((r) => r.delict !== "sextortion") }
        : invoer,
      utrecht
    )
  )
  const sheet = workbook.getWorksheet("Informatiebeeld") as ExcelJS.Worksheet
  const header = headerRow(sheet, "Delict", "Aangiften")
  const rows = new Map<string, ExcelJS.Row>()
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    rows.set(String(row.getCell(1).value), row)
  }
  return { workbook, sheet, header, rows }
}

const col = (name: string) => Export.informatiebeeldHeaders.indexOf(name) + 1

describe("export informatiebeeld", () => {
  it("shows per delict the figures of core Informatiebeeld.make, with the region beside them", async () => {
    const { sheet, header, rows } = await table(false)
    assert.deepStrictEqual((sheet.getRow(header).values as Array<unknown>).slice(1), [
      ...Export.informatiebeeldHeaders
    ])
    const beeld = Informatiebeeld.make({
      ...input(false),
      gebied: { niveau: "gemeente", code: utrecht.code }
    })
    const regioBeeld = Export.regioBeeld(input(false))
    assert.strictEqual(rows.size, beeld.delicten.length + 1)
    for (const d of beeld.delicten) {
      const row = rows.get(Registration.delictLabel(d.delict))
      assert.isDefined(row, d.delict)
      if (row === undefined) continue
      const r = regioBeeld.delicten.find((x) => x.delict === d.delict)
      assert.strictEqual(row.getCell(col("Aangiften")).value, d.aangiften.waarde)
      assert.strictEqual(row.getCell(col("Meldingen")).value, d.meldingen.waarde)
      assert.strictEqual(row.getCell(col("Slachtoffers")).value, d.slachtoffers.waarde)
      assert.strictEqual(row.getCell(col("Schade (€)")).value, (d.schade.waarde ?? 0) / 100)
      assert.strictEqual(
        row.getCell(col("Aandeel in regio (slachtoffers)")).value,
        d.slachtoffers.aandeelRegio
      )
      assert.strictEqual(
        row.getCell(col("Slachtoffers t.o.v. vorige periode")).value,
        d.slachtoffers.tovVorige.procent
      )
      assert.strictEqual(row.getCell(col("Rang in regio")).value, `${d.rang?.positie} van ${d.rang?.van}`)
      assert.strictEqual(row.getCell(col("Regio: slachtoffers")).value, r?.slachtoffers.waarde)
      assert.strictEqual(row.getCell(col("Regio: aangiften")).value, r?.aangiften.waarde)
    }
    const totaal = rows.get("Totaal")
    assert.strictEqual(totaal?.getCell(col("Slachtoffers")).value, beeld.totaal.slachtoffers.waarde)
    assert.strictEqual(
      totaal?.getCell(col("Regio: slachtoffers")).value,
      regioBeeld.totaal.slachtoffers.waarde
    )
    assert.strictEqual(totaal?.getCell(col("Schade (€)")).numFmt, Export.formats.euro)
    // not for publication: small counts are shown and the sheet says so
    assert.strictEqual(rows.get("ransomware")?.getCell(col("Slachtoffers")).value, 3)
    assert.include(String(sheet.getCell("A4").value), "Niet voor publicatie")
  })

  it("--publiek hides counts below 5, what would give them away, and says why", async () => {
    // Without sextortion, ransomware is Utrecht's only small count: the rule must hide a second one.
    const { workbook, sheet, rows } = await table(true, true)
    const ransomware = rows.get("ransomware") as ExcelJS.Row
    assert.strictEqual(ransomware.getCell(col("Slachtoffers")).value, "< 5")
    // its damage, per 10.000, share, change and rank go with it
    for (const name of [
      "Schade (€)",
      "Aandeel in regio (slachtoffers)",
      "Slachtoffers t.o.v. vorige periode",
      "Rang in regio"
    ]) {
      assert.include(["< 5", "×"], ransomware.getCell(col(name)).value, name)
    }
    // aangiften 12 is not small and stays
    assert.strictEqual(ransomware.getCell(col("Aangiften")).value, 12)
    // secondary suppression: the totaal minus the visible slachtoffers never gives a hidden count back
    const column = [...rows.entries()]
      .filter(([k]) => k !== "Totaal")
      .map(([, r]) => r.getCell(col("Slachtoffers")).value)
    const totaal = rows.get("Totaal")?.getCell(col("Slachtoffers")).value
    const hidden = [...column, totaal].filter((v) => typeof v === "string")
    assert.isAtLeast(hidden.length, 2)
    assert.isTrue(column.includes("×"), "a second part is hidden")
    // no visible count below 5 anywhere in the count columns
    for (const row of rows.values()) {
      for (const name of [
        "Aangiften",
        "Meldingen",
        "Slachtoffers",
        "Regio: aangiften",
        "Regio: slachtoffers"
      ]) {
        const v = row.getCell(col(name)).value
        if (typeof v === "number") assert.isAtLeast(v, 5, `${row.getCell(1).value} ${name}`)
      }
    }
    assert.include(String(sheet.getCell("A4").value), "aantallen kleiner dan 5 zijn afgeschermd")
    const toelichting = workbook.getWorksheet("Toelichting") as ExcelJS.Worksheet
    assert.strictEqual(toelichting.getCell("A4").value, "Kleine aantallen")
  })

  it("writes unknown as unknown, never 0", async () => {
    const zonder = registraties().map((r) =>
      r.gebied.niveau === "gemeente" && r.gebied.code === utrecht.code && r.delict === "phishing"
        ? { ...r, meldingen: null }
        : r
    )
    const workbook = await reload(
      Export.informatiebeeldWorkbook({ ...input(false), registraties: zonder }, utrecht)
    )
    const sheet = workbook.getWorksheet("Informatiebeeld") as ExcelJS.Worksheet
    const header = headerRow(sheet, "Delict", "Aangiften")
    for (let r = header + 1; r <= sheet.rowCount; r++) {
      const naam = sheet.getCell(r, 1).value
      if (naam === "phishing" || naam === "Totaal") {
        assert.strictEqual(sheet.getCell(r, col("Meldingen")).value, "onbekend", String(naam))
      }
    }
  })

  it("narrowing the registrations to the periods a picture reads changes no picture", () => {
    for (const p of [periode, Periode.jaar(2025), Periode.maand(2025, 1)]) {
      const full = { ...input(false), periode: p }
      const narrowed = Export.relevant(full)
      if (p !== Periode.jaar(2025)) assert.isBelow(narrowed.registraties.length, full.registraties.length)
      for (const gebied of [
        { niveau: "regio" } as const,
        ...regio.gemeenten.slice(0, 5).map((g) => ({ niveau: "gemeente" as const, code: g.code }))
      ]) {
        assert.deepStrictEqual(
          Informatiebeeld.make({ ...narrowed, gebied }),
          Informatiebeeld.make({ ...full, gebied }),
          `${p} ${JSON.stringify(gebied)}`
        )
      }
    }
  })

  it("--all builds one workbook per gemeente of the region", () => {
    const all = Export.informatiebeeldWorkbooks(input(true))
    assert.deepStrictEqual(
      all.map((w) => w.gemeente.code),
      regio.gemeenten.map((g) => g.code)
    )
    const utrechtSheet = all
      .find((w) => w.gemeente.code === utrecht.code)
      ?.workbook.getWorksheet("Informatiebeeld")
    assert.include(String(utrechtSheet?.getCell("A1").value), "Utrecht — 2025 Q3")
  })

  it("names each gemeente's file after its code, name and period", () => {
    assert.strictEqual(
      Export.informatiebeeldBestand(utrecht, periode),
      "informatiebeeld-GM0344-utrecht-2025-Q3.xlsx"
    )
    const names = regio.gemeenten.map((g) => Export.informatiebeeldBestand(g, periode))
    assert.strictEqual(new Set(names).size, regio.gemeenten.length)
  })

  it("finds a gemeente by code or name, and suggests the closest for a typo", () => {
    assert.deepInclude(Export.findGemeente(regio, "gm0344"), { _tag: "Found" })
    assert.deepInclude(Export.findGemeente(regio, "  utrecht "), { _tag: "Found" })
    const lookup = Export.findGemeente(regio, "Utrect")
    assert.strictEqual(lookup._tag, "NotFound")
    if (lookup._tag === "NotFound") assert.strictEqual(lookup.closest[0]?.code, "GM0344")
  })
})
