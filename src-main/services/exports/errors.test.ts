import { describe, expect, it } from 'vitest'
import { AppError } from '../../contract/errors'
import { ExportFileError } from './atomicWrite'
import { exportAppError, folderAppError } from './errors'

// What the coach is told when saving fails, as the contract's closed set of codes.

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

describe('a failed export as the coach reads it', () => {
  it('passes a download failure through as it is', () => {
    const notFound = new AppError('NOT_FOUND', 'intervals.icu could not find this workout.')
    expect(exportAppError(notFound)).toBe(notFound)
  })

  it.each([
    ['EXISTS', 'CONFLICT'],
    ['NO_PERMISSION', 'INVALID_INPUT'],
    ['DISK_FULL', 'INTERNAL'],
    ['IO', 'INTERNAL'],
  ] as const)('a file error %s is %s, with the writer’s message and its cause in the detail', (fileCode, code) => {
    const e = exportAppError(new ExportFileError(fileCode, 'A file named "x.fit" already exists.', { cause: errno('EEXIST') }))
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code, message: 'A file named "x.fit" already exists.', detail: 'Error: EEXIST: simulated' })
  })

  it('a file error without a cause has an empty detail', () => {
    expect(exportAppError(new ExportFileError('IO', 'Could not save.')).detail).toBe('')
  })

  it('anything else is INTERNAL, with the details for the log only', () => {
    const bug = new TypeError('x is undefined')
    const e = exportAppError(bug)
    expect(e).toMatchObject({ code: 'INTERNAL', message: 'Coach Desk could not save the workout files. The details are in the log.' })
    expect(e.detail).toBe(bug.stack)
    expect(exportAppError('thrown text').detail).toBe('thrown text')
    expect(exportAppError(undefined).detail).toBe('undefined')
  })
})

describe('an athlete folder that could not be created', () => {
  it.each(['EACCES', 'EPERM', 'EROFS'])('%s asks for another folder (INVALID_INPUT)', (code) => {
    expect(folderAppError(errno(code), '/exports')).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Coach Desk is not allowed to create folders in /exports. Choose another folder or check its permissions.',
      detail: code,
    })
  })

  it.each(['ENOSPC', 'EDQUOT'])('%s is a full disk (INTERNAL)', (code) => {
    expect(folderAppError(errno(code), '/exports')).toMatchObject({
      code: 'INTERNAL',
      message: 'There is not enough free space on the disk to save into /exports. Free some space or choose another folder.',
      detail: code,
    })
  })

  it.each(['EEXIST', 'ENOTDIR'])('%s is a file in the way (CONFLICT)', (code) => {
    expect(folderAppError(errno(code), '/exports')).toMatchObject({
      code: 'CONFLICT',
      message: 'A file is in the way of the folder /exports. Coach Desk did not replace it.',
      detail: code,
    })
  })

  it('anything else names its code, or says it is unknown', () => {
    expect(folderAppError(errno('EIO'), '/exports')).toMatchObject({
      code: 'INTERNAL',
      message: 'Coach Desk could not create the folder /exports (EIO). Try again.',
      detail: 'EIO',
    })
    expect(folderAppError(new Error('odd'), '/exports').message).toBe('Coach Desk could not create the folder /exports (unknown error). Try again.')
    expect(folderAppError(undefined, '/exports').detail).toBeUndefined()
  })
})
