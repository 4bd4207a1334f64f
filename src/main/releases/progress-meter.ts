import type { InstallPhase, InstallProgress } from '../../shared/releases'

/** Why 150 ms: smooth enough for a progress bar, and at most ~7 events a second cross to the window. */
export const PROGRESS_INTERVAL_MS = 150
/** Why 3 s: speed over the last few seconds follows real changes without jumping at every chunk. */
const SPEED_WINDOW_MS = 3_000
/**
 * Why 50 ms: ~60 samples cover the speed window, plenty for an average; one per chunk would be
 * tens of thousands at TLS record size (16 KB) on a fast link, each an object to collect.
 */
const SAMPLE_EVERY_MS = 50

/** Turns a stream of byte counts into throttled progress events with speed and ETA. */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = []
  private lastEmitAt = -Infinity
  private bytes = 0
  private total: number | null = null
  private url: string | null = null

  constructor(
    private readonly version: string,
    private readonly emit: (progress: InstallProgress) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts counting a new download (a new source starts from zero). */
  startDownload(url: string): void {
    this.url = url
    this.samples = []
    this.bytes = 0
    this.total = null
  }

  /** Records bytes received; emits at most once per interval. */
  update(bytes: number, total: number | null): void {
    const at = this.now()
    this.bytes = bytes
    this.total = total
    const last = this.samples[this.samples.length - 1]
    if (!last || at - last.at >= SAMPLE_EVERY_MS) this.samples.push({ at, bytes })
    while (this.samples.length > 2 && at - this.samples[0]!.at > SPEED_WINDOW_MS) {
      this.samples.shift()
    }
    if (at - this.lastEmitAt >= this.intervalMs) this.send('downloading', at)
  }

  /** Emits the last download event, so listeners always see the final byte count. */
  finishDownload(): void {
    this.send('downloading', this.now())
  }

  /** Emits a phase change (always, unthrottled); the byte counts stay as they were. */
  phase(phase: InstallPhase): void {
    this.send(phase, this.now())
  }

  private send(phase: InstallPhase, at: number): void {
    this.lastEmitAt = at
    const speed = phase === 'downloading' ? this.speed(at) : 0
    const left = this.total === null ? null : Math.max(0, this.total - this.bytes)
    this.emit({
      version: this.version,
      phase,
      bytes: this.bytes,
      total: this.total,
      bytesPerSecond: Math.round(speed),
      etaSeconds: left === null || speed <= 0 ? null : Math.ceil(left / speed),
      url: phase === 'downloading' ? this.url : null,
    })
  }

  /** Bytes per second from the oldest sample in the window to the latest count. */
  private speed(at: number): number {
    const first = this.samples[0]
    if (!first || at <= first.at) return 0
    return ((this.bytes - first.bytes) * 1000) / (at - first.at)
  }
}
