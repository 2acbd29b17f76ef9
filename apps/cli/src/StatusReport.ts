/**
 * The KPI status of the programme (core `Status`) as `dvcc status` prints it for a terminal or an e-mail.
 */
import { type Dataset, Din, Periode, Progress, Rollup, type Status } from "@dvcc/core"

const badge = (status: Progress.Status): string => `[${Progress.statusLabel[status]}]`.padEnd(12)

const wrap = (text: string, width: number, indent: string): string => {
  const lines: Array<string> = []
  let line = ""
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line.length === 0 ? word : `${line} ${word}`
    }
  }
  if (line.length > 0) lines.push(line)
  return lines.map((l) => indent + l).join("\n")
}

/**
 * Plain text for a terminal or an e-mail: per year the programme, each strategisch doel and doel (baat) with
 * its status and how much of it is measured, and under every doel its indicators with the explanation. The
 * first line names the peildatum. Status is always written out, never colour alone.
 */
export const renderStatusReport = (
  dataset: Dataset.Dataset,
  report: Status.StatusReport,
  width = 100
): string => {
  const out: Array<string> = []
  const textWidth = Math.max(40, width - 18)
  for (const year of report.jaren) {
    const { programma } = year
    out.push(`Jaarplan ${year.jaar} — peildatum ${Periode.datumLabel(report.peildatum)}`)
    out.push(`${badge(programma.status)}Programma ${dataset.program.naam}`)
    out.push(wrap(programma.uitleg, textWidth, " ".repeat(12)))
    for (const doel of programma.doelen) {
      out.push("")
      out.push(
        `  ${badge(doel.status)}${wrap(`${Rollup.doelTitel(doel)} (${Rollup.dekkingLabel(doel)})`, textWidth, " ".repeat(14)).trimStart()}`
      )
      for (const baat of doel.baten) {
        const nummer = Din.baat(dataset.program, year.jaar, baat.baat)?.nummer ?? 0
        out.push(
          `    ${badge(baat.status)}${wrap(`${Rollup.baatTitel({ nummer, naam: baat.naam })} (${Rollup.dekkingLabel(baat)})`, textWidth, " ".repeat(16)).trimStart()}`
        )
        for (const progress of year.indicatoren.filter((p) => p.baat === baat.baat)) {
          out.push(
            `      ${badge(progress.status)}${wrap(`${progress.indicator}: ${progress.tekst}`, textWidth, " ".repeat(18)).trimStart()}`
          )
          out.push(wrap(progress.uitleg, textWidth, " ".repeat(18)))
          if (progress.signaal !== null) {
            out.push(
              wrap(
                `${badge(progress.signaal.status).trim()} ${progress.signaal.uitleg}`,
                textWidth,
                " ".repeat(18)
              )
            )
          }
        }
      }
    }
    out.push("")
  }
  return out.join("\n")
}
