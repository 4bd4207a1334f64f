/** A bounded ring of the newest `capacity` items, oldest first when read. */
export class SampleRing<T> {
  private readonly items: T[] = []
  private start = 0

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`A ring needs a capacity of at least 1, not ${capacity}.`)
    }
  }

  /** Adds an item, dropping the oldest when full. */
  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item)
      return
    }
    this.items[this.start] = item
    this.start = (this.start + 1) % this.capacity
  }

  /** Every item, oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)]
  }

  /** How many items it holds. */
  get size(): number {
    return this.items.length
  }
}
