import { EngineError, isEngineError } from '../errors/engine-error'

/** The errno code of a Node error (or of its cause), when it has one. */
export function errnoOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Turns a disk error into the engine error the user can act on (DISK_FULL, DATA_DIR_UNWRITABLE);
 * other errors are returned unchanged. `doing` completes "Could not …". A disk error already
 * converted deeper down is re-worded, so the outermost caller's words (version, folder) win.
 */
export function diskError(error: unknown, doing: string, path: string): unknown {
  let code: string | undefined
  if (isEngineError(error)) {
    if (error.is('DISK_FULL') || error.is('DATA_DIR_UNWRITABLE')) code = error.detail?.errno
    else return error
  } else {
    code = errnoOf(error)
  }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new EngineError(
        'DISK_FULL',
        `Could not ${doing}: the disk holding ${path} is full. Free some space and try again.`,
        { path, errno: code },
      )
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new EngineError(
        'DATA_DIR_UNWRITABLE',
        `Could not ${doing}: ${path} is not writable (${code}). Check its permissions or choose another data directory.`,
        { path, errno: code },
      )
    default:
      return error
  }
}
