/**
 * A bounded least-recently-used cache: `get` returns the cached value for a key, or creates, stores and
 * returns it, evicting the least recently used entry once more than `capacity` are held. A `Map` keeps
 * insertion order, so moving a hit to the end and evicting from the front is all the bookkeeping.
 *
 * @internal
 */
export interface Lru<K, V> {
  readonly get: (key: K) => V
  readonly size: () => number
  readonly clear: () => void
}

/** @internal */
export const makeLru = <K, V>(capacity: number, create: (key: K) => V): Lru<K, V> => {
  const entries = new Map<K, V>()
  return {
    get(key) {
      const hit = entries.get(key)
      if (hit !== undefined) {
        entries.delete(key)
        entries.set(key, hit)
        return hit
      }
      const value = create(key)
      if (capacity > 0) {
        entries.set(key, value)
        if (entries.size > capacity) {
          for (const oldest of entries.keys()) {
            entries.delete(oldest)
            break
          }
        }
      }
      return value
    },
    size: () => entries.size,
    clear: () => entries.clear()
  }
}
