/**
 * Workbooks checked in a dry run and waiting for the user to confirm the import: kept in this process's
 * memory under a random id, for the account that uploaded it only, for a quarter of an hour, one per
 * account and at most `maxBytes` together (the oldest go first). Nothing is written to disk. Behind
 * several `serve` processes the confirmation may reach another one: then the page asks to upload again.
 */
import { randomBytes } from "node:crypto"

interface Entry {
  readonly user: string
  readonly name: string
  readonly bytes: Uint8Array
  readonly sha256: string
  readonly until: number
}

export const makePending = (options: { readonly ttlMs?: number; readonly maxBytes?: number } = {}) => {
  const ttlMs = options.ttlMs ?? 15 * 60 * 1000
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024
  const entries = new Map<string, Entry>()
  const sweep = (now: number) => {
    for (const [id, entry] of entries) if (entry.until <= now) entries.delete(id)
  }
  return {
    /** Keeps a workbook for `user`, replacing an earlier one of the same account; its id. */
    keep: (
      user: string,
      file: { readonly name: string; readonly bytes: Uint8Array; readonly sha256: string }
    ) => {
      const now = Date.now()
      sweep(now)
      for (const [id, entry] of entries) if (entry.user === user) entries.delete(id)
      let total = file.bytes.length
      for (const entry of entries.values()) total += entry.bytes.length
      for (const [id, entry] of entries) {
        if (total <= maxBytes) break
        entries.delete(id)
        total -= entry.bytes.length
      }
      if (file.bytes.length > maxBytes) return undefined
      const id = randomBytes(18).toString("base64url")
      entries.set(id, { user, ...file, until: now + ttlMs })
      return id
    },
    /** Takes the workbook kept under `id` for `user` (once), or `undefined`. */
    take: (user: string, id: string) => {
      sweep(Date.now())
      const entry = entries.get(id)
      if (entry === undefined || entry.user !== user) return undefined
      entries.delete(id)
      return entry
    }
  }
}
