import { mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectionSpecSchema, type ConnectionSpec } from '../../shared/connections'
import type { SecretBox } from '../auth/secret-box'
import type { EngineLog } from '../log/engine-log'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'

/**
 * Saved connections under `<data>/connections/`: `<name>.json` holds what the user saved (never
 * a password), `<name>.secret` the password encrypted by the SecretBox (Electron's safeStorage).
 * Without a SecretBox (browser mode) passwords live in memory for the session only and are asked
 * again after a restart. Files are mode 600 in a 700 folder.
 */
export class ConnectionStore {
  private readonly passwords = new Map<string, string>()

  constructor(
    private readonly dir: string,
    private readonly box: SecretBox | undefined,
    private readonly log: EngineLog,
  ) {}

  /** Every saved connection; a file that does not parse is logged and left out. */
  async list(): Promise<ConnectionSpec[]> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const specs: ConnectionSpec[] = []
    for (const name of names.sort()) {
      const file = join(this.dir, name)
      const parsed = connectionSpecSchema.safeParse(await readJsonFile(file))
      if (parsed.success) specs.push(parsed.data)
      else
        this.log.warn({ file, issues: parsed.error.issues }, 'unreadable connection file; left out')
    }
    return specs
  }

  /** Saves a connection, and its password when one is given (null: forget it). */
  async save(spec: ConnectionSpec, password: string | null | undefined): Promise<void> {
    // Security: this OS user only, like the clusters' keys.
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await writeJsonAtomic(this.file(spec.name), spec)
    if (password === undefined) return
    if (password === null || spec.username === null) await this.forgetPassword(spec.name)
    else await this.savePassword(spec.name, password)
  }

  /** Removes a connection and its password. */
  async remove(name: string): Promise<void> {
    await rm(this.file(name), { force: true })
    await this.forgetPassword(name)
  }

  /** The connection's password: this session's, else the encrypted file's; null when unknown. */
  async password(name: string): Promise<string | null> {
    const known = this.passwords.get(name)
    if (known !== undefined) return known
    if (!this.box) return null
    let data: Buffer
    try {
      data = await readFile(join(this.dir, `${name}.secret`))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      const password = this.box.decrypt(data)
      this.passwords.set(name, password)
      return password
    } catch (error) {
      // Another OS user's or machine's keychain: the password is asked again.
      this.log.warn({ connection: name, err: error }, 'saved password could not be decrypted')
      return null
    }
  }

  private async savePassword(name: string, password: string): Promise<void> {
    this.passwords.set(name, password)
    if (!this.box) return
    await writeFile(join(this.dir, `${name}.secret`), this.box.encrypt(password), { mode: 0o600 })
  }

  private async forgetPassword(name: string): Promise<void> {
    this.passwords.delete(name)
    await rm(join(this.dir, `${name}.secret`), { force: true })
  }

  private file(name: string): string {
    return join(this.dir, `${name}.json`)
  }
}
