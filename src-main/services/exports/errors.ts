import { AppError } from '../../contract/errors'
import { ExportFileError } from './atomicWrite'

// Export failures as the contract's closed set of codes, with the coach-facing message kept:
// a taken name is a CONFLICT, a folder Coach Desk may not write to is the coach's choice to change
// (INVALID_INPUT), a full disk or another file system failure is INTERNAL. Download failures are
// already AppErrors (NETWORK, TIMEOUT, NOT_FOUND, SERVER, …) and pass through.

const CODE_FOR_FILE_ERROR = {
  EXISTS: 'CONFLICT',
  NO_PERMISSION: 'INVALID_INPUT',
  DISK_FULL: 'INTERNAL',
  IO: 'INTERNAL',
} as const

export function exportAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (e instanceof ExportFileError) return new AppError(CODE_FOR_FILE_ERROR[e.code], e.message, String(e.cause ?? ''))
  return new AppError('INTERNAL', 'Coach Desk could not save the workout files. The details are in the log.', String((e as Error)?.stack ?? e))
}

/** Creating an athlete's folder failed: the same wording as a failed file write. */
export function folderAppError(e: unknown, folder: string): AppError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('INVALID_INPUT', `Coach Desk is not allowed to create folders in ${folder}. Choose another folder or check its permissions.`, code)
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('INTERNAL', `There is not enough free space on the disk to save into ${folder}. Free some space or choose another folder.`, code)
  }
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new AppError('CONFLICT', `A file is in the way of the folder ${folder}. Coach Desk did not replace it.`, code)
  }
  return new AppError('INTERNAL', `Coach Desk could not create the folder ${folder} (${code ?? 'unknown error'}). Try again.`, code)
}
