import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'

/** Opens a file with the OS (Electron's shell.openPath: resolves to '' or an error message). */
export type OpenPath = (path: string) => Promise<string>

/**
 * "Open engine log": with the OS where the app can (Electron); in browser mode the engine cannot
 * open anything on the user's screen, so it says to use the link to the log instead.
 */
export class EngineLogOpener {
  constructor(
    private readonly file: string,
    private readonly log: EngineLog,
    private readonly openPath: OpenPath | undefined,
  ) {}

  /** True when the engine can open its log with the OS. */
  get canOpen(): boolean {
    return this.openPath !== undefined
  }

  /** Opens the engine log; FORBIDDEN where the engine cannot, INTERNAL when the OS refused. */
  async open(): Promise<void> {
    const file = this.file
    if (!this.openPath) {
      throw new EngineError(
        'FORBIDDEN',
        'This etcd Desk cannot open files for you; use the engine log link instead.',
        { file },
      )
    }
    const failure = await this.openPath(file)
    if (!failure) return
    this.log.warn({ file, failure }, 'opening the engine log failed')
    throw new EngineError('INTERNAL', `Could not open ${file}: ${failure}`, { file })
  }
}
