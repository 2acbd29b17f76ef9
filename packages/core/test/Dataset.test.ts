import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { Dataset, Din, Geography, Indicator, Measurement } from "../src/index.ts"

/** The test data is plain JSON, decoded as unknown input: the tests mutate it freely. */
type Encoded = ReturnType<typeof JSON.parse>

const herkomst = { document: "test", sectie: "fixture" }
const decode = Schema.decodeUnknownResult(Dataset.Dataset)

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/)

/** A programme with the ids it chose, a jaarplan whose acties and indicators refer to them, a measurement. */
const programme = fc
  .record({
    doelen: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    baten: fc.uniqueArray(id, { minLength: 1, maxLength: 7 }),
    indicatoren: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    acties: fc.integer({ min: 1, max: 5 }),
    seed: fc.nat()
  })
  .map(({ doelen, baten, indicatoren, acties, seed }): Encoded => {
    const pick = <A>(items: ReadonlyArray<A>, i: number): A => items[(seed + i) % items.length] as A
    const plan = (jaar: number) => ({
      jaar,
      titel: `Jaarplan ${jaar}`,
      datum: `${jaar - 1}-11-01`,
      documentStatus: "Definitief",
      situatie: [],
      focus: [],
      batenToelichting: [{ baat: pick(baten, 0), tekst: "toelichting" }],
      acties: Array.from({ length: acties }, (_, n) => ({
        id: `actie-${n + 1}`,
        jaar,
        nummer: n + 1,
        titel: `Actie ${n + 1}`,
        coordinatie: [],
        inSamenwerkingMet: [],
        status: null,
        doel: "doel",
        outputs: [],
        beoogdeResultaten: n === 0 ? [{ tekst: "resultaat", indicator: pick(indicatoren, n) }] : [],
        aandachtspunten: [],
        baten: [pick(baten, n)],
        voorganger: jaar === 2026 ? { jaar: 2025, id: `actie-${n + 1}` } : null,
        herkomst
      })),
      herkomst
    })
    const indicator = (jaar: number) =>
      indicatoren.map((i, n) => ({
        id: i,
        jaar,
        baat: pick(baten, n),
        tekst: "indicator",
        regel: { soort: "minimum-aantal", minimum: 1, periode: String(jaar) },
        eenheid: "stuks",
        richting: "hoger",
        schaal: "regio",
        bron: "programma-administratie",
        verwachtOp: null,
        acties: [1],
        voorganger: jaar === 2026 ? { jaar: 2025, id: i } : null,
        herkomst
      }))
    return {
      program: {
        naam: "Testprogramma",
        regio: "Testregio",
        strategieperioden: [
          {
            looptijd: { van: 2023, tot: 2026 },
            ambitie: "Een ambitie.",
            doelen: doelen.map((d) => ({ id: d, naam: `Doel ${d}` })),
            baten: baten.map((b, n) => ({ id: b, nummer: n + 1, naam: `Baat ${b}`, doel: pick(doelen, n) })),
            inspanningen: [],
            netwerk: [],
            strategie: [],
            randvoorwaarden: [],
            werkwijze: "Cyclisch.",
            herkomst
          }
        ]
      },
      regio: { naam: "Testregio", districten: [], basisteams: [], gemeenten: [], herkomst },
      jaarplannen: [plan(2025), plan(2026)],
      indicatoren: [...indicator(2025), ...indicator(2026)],
      metingen: [
        {
          id: "m1",
          indicator: pick(indicatoren, 0),
          jaar: 2025,
          periode: "2025",
          gebied: { niveau: "regio" },
          waarde: 1,
          bron: "programma-administratie",
          vastgelegdOp: "2025-12-31",
          herkomst
        }
      ],
      registraties: [],
      reeksbreuken: [],
      activiteiten: []
    }
  })

/** Ways to make one reference dangle: the record and field the refusal must name, and the change. */
const breakers: ReadonlyArray<{
  readonly veld: string
  readonly path: string
  readonly breek: (d: Encoded, weg: string) => void
}> = [
  {
    veld: "baat → doel",
    path: '["baten"][0]["doel"]',
    breek: (d, weg) => {
      d.program.strategieperioden[0].baten[0].doel = weg
    }
  },
  {
    veld: "actie → baat",
    path: '["acties"][0]["baten"][0]',
    breek: (d, weg) => {
      d.jaarplannen[0].acties[0].baten = [weg]
    }
  },
  {
    veld: "toelichting → baat",
    path: '["batenToelichting"][0]["baat"]',
    breek: (d, weg) => {
      d.jaarplannen[1].batenToelichting[0].baat = weg
    }
  },
  {
    veld: "indicator → baat",
    path: '["indicatoren"][0]["baat"]',
    breek: (d, weg) => {
      d.indicatoren[0].baat = weg
    }
  },
  {
    veld: "indicator → actie",
    path: '["indicatoren"][0]["acties"]',
    breek: (d) => {
      d.indicatoren[0].acties = [99]
    }
  },
  {
    veld: "resultaat → indicator",
    path: '["beoogdeResultaten"][0]["indicator"]',
    breek: (d, weg) => {
      d.jaarplannen[0].acties[0].beoogdeResultaten[0].indicator = weg
    }
  },
  {
    veld: "actie → voorganger",
    path: '["acties"][0]["voorganger"]',
    breek: (d, weg) => {
      d.jaarplannen[1].acties[0].voorganger = { jaar: 2025, id: weg }
    }
  },
  {
    veld: "indicator → voorganger",
    path: '["voorganger"]',
    breek: (d, weg) => {
      const i = d.indicatoren.findIndex((x: { jaar: number }) => x.jaar === 2026)
      d.indicatoren[i].voorganger = { jaar: 2025, id: weg }
    }
  },
  {
    veld: "meting → indicator",
    path: '["metingen"][0]["indicator"]',
    breek: (d, weg) => {
      d.metingen[0].indicator = weg
    }
  }
]

describe("a dataset's cross-references", () => {
  it("decodes whenever every reference resolves, whatever ids the programme chose", () => {
    fc.assert(
      fc.property(programme, (data) => {
        const result = decode(data)
        if (Result.isFailure(result)) assert.fail(result.failure.message)
      }),
      { numRuns: 200 }
    )
  })

  it("refuses a dataset with a dangling reference, always, naming the field", () => {
    fc.assert(
      fc.property(programme, fc.constantFrom(...breakers), (data, breaker) => {
        const copy = structuredClone(data)
        // `zz-…` is longer than every generated id, so it names nothing that exists.
        breaker.breek(copy, "zz-bestaat-niet-in-deze-din")
        const result = decode(copy)
        if (Result.isSuccess(result)) assert.fail(`${breaker.veld}: accepted`)
        assert.include(result.failure.message, breaker.path, breaker.veld)
      }),
      { numRuns: 300 }
    )
  })

  it("says which record refers to which baat, in the DIN of which looptijd", () => {
    const [data] = fc.sample(programme, { numRuns: 1, seed: 17 })
    assert.isDefined(data)
    const copy = structuredClone(data)
    copy.jaarplannen[0].acties[0].baten = ["baat-9"]
    const result = decode(copy)
    if (Result.isSuccess(result)) return assert.fail("accepted")
    assert.include(
      result.failure.message,
      "actie 1 van 2025: baat `baat-9` bestaat niet in de DIN van 2023–2026"
    )
  })

  it("refuses ids that are not ids: blanks at the ends, capitals, too long", () => {
    const [data] = fc.sample(programme, { numRuns: 1, seed: 17 })
    assert.isDefined(data)
    for (const bad of [" baat-1", "baat-1 ", "Baat 1", "", "-baat", "b".repeat(65)]) {
      const copy = structuredClone(data)
      copy.program.strategieperioden[0].baten[0].id = bad
      const result = decode(copy)
      if (Result.isSuccess(result)) assert.fail(`${JSON.stringify(bad)} accepted`)
      assert.include(result.failure.message, "is geen geldige id van een baat")
    }
  })

  it("refuses a DIN with an id twice", () => {
    const [data] = fc.sample(programme, { numRuns: 1, seed: 17 })
    assert.isDefined(data)
    const copy = structuredClone(data)
    const din = copy.program.strategieperioden[0]
    din.doelen.push({ ...din.doelen[0] })
    const result = decode(copy)
    if (Result.isSuccess(result)) return assert.fail("accepted")
    assert.include(
      result.failure.message,
      `doel \`${din.doelen[0].id}\` staat dubbel in de DIN van 2023–2026`
    )
  })
})

/** The sample programme with a second strategy period 2027–2030, a copy of the first (every baat continues). */
const metTweePerioden = (): Encoded => {
  const [data] = fc.sample(programme, { numRuns: 1, seed: 17 })
  const copy = structuredClone(data)
  const eerste = copy.program.strategieperioden[0]
  copy.program.strategieperioden.push({
    ...structuredClone(eerste),
    looptijd: { van: 2027, tot: 2030 },
    baten: eerste.baten.map((b: { id: string }) => ({ ...b, voorganger: b.id }))
  })
  return copy
}

const refusal = (data: Encoded): string => {
  const result = decode(data)
  if (Result.isSuccess(result)) return assert.fail("accepted")
  return result.failure.message
}

describe("strategy periods", () => {
  it("judges each jaarplan under the DIN whose looptijd holds its year", () => {
    const data = metTweePerioden()
    const nieuw = data.program.strategieperioden[1]
    nieuw.baten = [{ id: "nieuwe-baat", nummer: 1, naam: "Nieuw", doel: nieuw.doelen[0].id }]
    const plan2027 = { ...structuredClone(data.jaarplannen[1]), jaar: 2027, batenToelichting: [], acties: [] }
    data.jaarplannen.push(plan2027)
    const decoded = Schema.decodeUnknownSync(Dataset.Dataset)(data)
    assert.deepStrictEqual(
      Din.geldendVoor(decoded.program, 2026).baten.map((b) => b.id),
      data.program.strategieperioden[0].baten.map((b: { id: string }) => b.id)
    )
    assert.deepStrictEqual(
      Din.geldendVoor(decoded.program, 2027).baten.map((b) => b.id),
      ["nieuwe-baat"]
    )
    // A 2027 indicator must use the 2027–2030 DIN's baten, not those of 2023–2026.
    const oudeBaat = data.program.strategieperioden[0].baten[0].id
    data.indicatoren.push({
      ...structuredClone(data.indicatoren[0]),
      jaar: 2027,
      baat: oudeBaat,
      acties: [],
      voorganger: null
    })
    assert.include(refusal(data), `baat \`${oudeBaat}\` bestaat niet in de DIN van 2027–2030`)
  })

  it("refuses a jaarplan no strategy period holds", () => {
    const data = metTweePerioden()
    data.jaarplannen.push({ ...structuredClone(data.jaarplannen[1]), jaar: 2031, acties: [] })
    assert.include(
      refusal(data),
      "jaarplan 2031: geen DIN voor 2031 (de strategieperioden zijn 2023–2026, 2027–2030)"
    )
  })

  it("refuses periods that overlap, and a voorganger that is not in the DIN before", () => {
    const overlap = metTweePerioden()
    overlap.program.strategieperioden[1].looptijd = { van: 2026, tot: 2029 }
    assert.include(
      refusal(overlap),
      "de DIN van 2026–2029 begint niet na de strategieperiode 2023–2026 ervoor"
    )
    const dangling = metTweePerioden()
    const baat = dangling.program.strategieperioden[1].baten[0]
    baat.voorganger = "zz-weg"
    assert.include(
      refusal(dangling),
      `baat ${baat.id} van de DIN van 2027–2030: voorganger \`zz-weg\` bestaat niet in de DIN van 2023–2026`
    )
  })

  it("starts a new period from a copy of the last DIN, every baat and doel naming the one it continues", () => {
    const decoded = Schema.decodeUnknownSync(Dataset.Dataset)(metTweePerioden())
    const program = { ...decoded.program, strategieperioden: [decoded.program.strategieperioden[0]] as const }
    const next = Din.metNieuwePeriode(program, { van: 2027, tot: 2030 }, herkomst)
    assert.isDefined(next)
    const [oud, nieuw] = next?.strategieperioden ?? []
    assert.deepStrictEqual(
      nieuw?.baten.map((b) => b.voorganger),
      oud?.baten.map((b) => b.id)
    )
    assert.deepStrictEqual(
      nieuw?.doelen.map((d) => d.voorganger),
      oud?.doelen.map((d) => d.id)
    )
    assert.isTrue(
      Result.isSuccess(
        Schema.decodeUnknownResult(Din.Program)(Schema.encodeSync(Din.Program)(next as Din.Program))
      )
    )
    assert.isUndefined(Din.metNieuwePeriode(program, { van: 2026, tot: 2029 }, herkomst))
  })
})

describe("a series break names the delict list registered from its period on", () => {
  const breuk = (delictlijst: string) => {
    const [data] = fc.sample(programme, { numRuns: 1, seed: 17 })
    const copy = structuredClone(data)
    copy.reeksbreuken.push({ vanaf: "2025", delicten: [], delictlijst, reden: "nieuwe klassen", herkomst })
    return copy
  }
  it("accepts a known version and refuses an unknown one", () => {
    assert.isTrue(Result.isSuccess(decode(breuk("dvcc-1"))))
    assert.include(refusal(breuk("2030")), "reeksbreuk 2025: delictlijst 2030 is onbekend (bekend: dvcc-1)")
  })
})

describe("measurementIssues is the dataset's check of one measurement", () => {
  // The writers check with measurementIssues alone: the dataset must refuse nothing in a measurement beyond it.
  it("a dataset with a measurement loads exactly when measurementIssues finds nothing in it", () => {
    const change = fc.record({
      waarde: fc.integer({ min: 0, max: 200 }),
      procent: fc.boolean(),
      gebied: fc.constantFrom<Encoded>(
        { niveau: "regio" },
        { niveau: "gemeente", code: "GM0344" },
        { niveau: "district", id: "nergens" }
      ),
      mijlpaal: fc.option(fc.constantFrom("klaar"), { nil: undefined }),
      bekend: fc.boolean()
    })
    fc.assert(
      fc.property(programme, change, (data, m) => {
        const copy = structuredClone(data)
        const indicator = copy.indicatoren[0]
        indicator.eenheid = m.procent ? "%" : "stuks"
        const meting = copy.metingen[0]
        Object.assign(meting, {
          indicator: m.bekend ? indicator.id : "bestaat-niet",
          waarde: m.waarde,
          gebied: m.gebied,
          ...(m.mijlpaal === undefined ? {} : { mijlpaal: m.mijlpaal })
        })
        const issues = Dataset.measurementIssues(Schema.decodeUnknownSync(Measurement.Measurement)(meting), {
          indicator: m.bekend ? Schema.decodeUnknownSync(Indicator.Indicator)(indicator) : undefined,
          regio: Schema.decodeUnknownSync(Geography.Regio)(copy.regio)
        })
        assert.strictEqual(Result.isSuccess(decode(copy)), issues.length === 0, JSON.stringify(issues))
        for (const issue of issues) assert.include(refusal(copy), `meting m1: ${issue.issue}`)
      })
    )
  })
})
