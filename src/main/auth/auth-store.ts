import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { EngineLog } from '../log/engine-log'
import type { SecretBox } from './secret-box'

/** What is recorded of a cluster's authentication: whether it is on. Never a password. */
const stateSchema = z.object({ isEnabled: z.boolean() })

/**
 * A cluster's authentication records under `clusters/<cluster>/auth/`: `state.json` (on or off)
 * and `root.secret`, root's password encrypted by the SecretBox — written only when there is one,
 * so no password is ever stored in plain text. Files are mode 600 in a 700 folder.
 */
export class AuthStore {
  constructor(
    private readonly dir: string,
    private readonly box: SecretBox | undefined,
    private readonly log: EngineLog,
  ) {}

  /** True when a password saved here survives a restart (there is a SecretBox). */
  get isEncrypted(): boolean {
    return this.box !== undefined
  }

  /** Whether authentication was last seen on; null when nothing was recorded. */
  async readEnabled(): Promise<boolean | null> {
    const text = await this.read('state.json')
    if (text === null) return null
    const parsed = stateSchema.safeParse(safeJson(text.toString('utf8')))
    if (parsed.success) return parsed.data.isEnabled
    this.log.warn({ file: join(this.dir, 'state.json') }, 'unreadable auth state; ignored')
    return null
  }

  /** Records whether authentication is on. */
  async writeEnabled(isEnabled: boolean): Promise<void> {
    await this.write('state.json', Buffer.from(JSON.stringify({ isEnabled }, null, 2) + '\n'))
  }

  /** Root's password from the encrypted file; null without a SecretBox, a file, or on failure. */
  async readRootPassword(): Promise<string | null> {
    if (!this.box) return null
    const data = await this.read('root.secret')
    if (data === null) return null
    try {
      return this.box.decrypt(data)
    } catch (error) {
      // Another OS user's or machine's keychain: the user is asked for the password instead.
      this.log.warn({ err: error }, "root's saved password could not be decrypted; it is asked")
      return null
    }
  }

  /** Saves root's password encrypted; does nothing without a SecretBox (memory only). */
  async saveRootPassword(password: string): Promise<void> {
    if (!this.box) return
    await this.write('root.secret', this.box.encrypt(password))
  }

  /** Removes the saved password (authentication turned off). */
  async forgetRootPassword(): Promise<void> {
    await rm(join(this.dir, 'root.secret'), { force: true })
  }

  private async read(name: string): Promise<Buffer | null> {
    try {
      return await readFile(join(this.dir, name))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  private async write(name: string, data: Buffer): Promise<void> {
    // Security: readable by this OS user only, like the cluster's TLS keys.
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await writeFile(join(this.dir, name), data, { mode: 0o600 })
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
