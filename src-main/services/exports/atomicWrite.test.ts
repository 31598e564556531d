import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportFileError, nodeFs, TEMP_FILE, writeFileAtomic, type AtomicWriteFile, type AtomicWriteFs } from './atomicWrite'

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

/** The real file system with some calls replaced, recording every call in order. */
function fsWith(overrides: Partial<AtomicWriteFs> & { writeFile?: (real: AtomicWriteFile, data: Uint8Array | string) => Promise<void> }) {
  const calls: string[] = []
  const fs: AtomicWriteFs = {
    async open(path, flags) {
      calls.push(`open ${flags}`)
      const real = await (overrides.open ?? nodeFs.open)(path, flags)
      return {
        writeFile: (data) => {
          calls.push('write')
          return overrides.writeFile ? overrides.writeFile(real, data) : real.writeFile(data)
        },
        sync: () => {
          calls.push('sync')
          return real.sync()
        },
        close: () => {
          calls.push('close')
          return real.close()
        },
      }
    },
    link: (a, b) => (calls.push('link'), (overrides.link ?? nodeFs.link)(a, b)),
    rename: (a, b) => (calls.push('rename'), (overrides.rename ?? nodeFs.rename)(a, b)),
    unlink: (p) => (calls.push('unlink'), (overrides.unlink ?? nodeFs.unlink)(p)),
  }
  return { fs, calls }
}

async function expectExportError(promise: Promise<unknown>, code: ExportFileError['code'], message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ExportFileError)
  expect((error as ExportFileError).code).toBe(code)
  if (message) expect((error as ExportFileError).message).toMatch(message)
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coach-desk-atomic-'))
})
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes bytes and text, flushing before the file gets its name, and leaves no temporary file', async () => {
    const { fs, calls } = fsWith({})
    await writeFileAtomic(join(dir, 'a.fit'), new Uint8Array([1, 2, 3]), { fs })
    await writeFileAtomic(join(dir, 'b.zwo'), '<workout_file/>')
    expect([...(await readFile(join(dir, 'a.fit')))]).toEqual([1, 2, 3])
    expect(await readFile(join(dir, 'b.zwo'), 'utf8')).toBe('<workout_file/>')
    expect((await readdir(dir)).sort()).toEqual(['a.fit', 'b.zwo'])
    expect(calls).toEqual(['open wx', 'write', 'sync', 'close', 'link', 'unlink'])
  })

  it('refuses to replace an existing file unless asked to', async () => {
    const path = join(dir, 'Tempo.zwo')
    await writeFile(path, 'original')
    await expectExportError(writeFileAtomic(path, 'new'), 'EXISTS', /already exists/)
    expect(await readFile(path, 'utf8')).toBe('original')
    expect(await readdir(dir)).toEqual(['Tempo.zwo'])

    await writeFileAtomic(path, 'new', { overwrite: true })
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['Tempo.zwo'])
  })

  it('lets exactly one of two racing writers have a name', async () => {
    const path = join(dir, 'race.fit')
    const results = await Promise.allSettled([writeFileAtomic(path, 'one'), writeFileAtomic(path, 'two')])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected')
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'EXISTS' })
    expect(['one', 'two']).toContain(await readFile(path, 'utf8'))
    expect(await readdir(dir)).toEqual(['race.fit'])
  })

  it('claims the name with an exclusive create where hard links are unsupported', async () => {
    const { fs, calls } = fsWith({ link: () => Promise.reject(errno('EPERM')) })
    const path = join(dir, 'usb.fit')
    await writeFileAtomic(path, 'data', { fs })
    expect(await readFile(path, 'utf8')).toBe('data')
    expect(calls.slice(-3)).toEqual(['open wx', 'close', 'rename'])
    await expectExportError(writeFileAtomic(path, 'again', { fs }), 'EXISTS')
    expect(await readFile(path, 'utf8')).toBe('data')
    expect(await readdir(dir)).toEqual(['usb.fit'])
  })

  it('reports a full disk mid-write and removes the partial temporary file', async () => {
    const { fs } = fsWith({
      writeFile: async (real, data) => {
        await real.writeFile(typeof data === 'string' ? data.slice(0, 3) : data.subarray(0, 3))
        throw errno('ENOSPC')
      },
    })
    const path = join(dir, 'Long ride.fit')
    await expectExportError(writeFileAtomic(path, new Uint8Array(1000), { fs }), 'DISK_FULL', /not enough free space on the disk to save "Long ride.fit"/)
    expect(await readdir(dir)).toEqual([])
  })

  it('reports a missing permission when the folder refuses the temporary file', async () => {
    const { fs } = fsWith({ open: () => Promise.reject(errno('EACCES')) })
    await expectExportError(writeFileAtomic(join(dir, 'x.zwo'), 'x', { fs }), 'NO_PERMISSION', /not allowed to save "x.zwo"/)
    expect(await readdir(dir)).toEqual([])
  })

  it('removes the temporary file when giving it its name fails', async () => {
    const { fs } = fsWith({ link: () => Promise.reject(errno('EACCES')), rename: () => Promise.reject(errno('EIO')) })
    await expectExportError(writeFileAtomic(join(dir, 'x.zwo'), 'x', { fs }), 'NO_PERMISSION')
    await expectExportError(writeFileAtomic(join(dir, 'y.zwo'), 'y', { fs, overwrite: true }), 'IO', /could not save "y.zwo" \(EIO\)/)
    expect(await readdir(dir)).toEqual([])
  })

  it('reports a folder that is gone', async () => {
    await expectExportError(writeFileAtomic(join(dir, 'missing', 'x.zwo'), 'x'), 'IO', /no longer there/)
  })

  it('reports NO_PERMISSION for a read-only folder (as root, which ignores it, for an injected EACCES)', async () => {
    await chmod(dir, 0o555)
    // Root ignores folder permissions, so there the refusal is simulated instead.
    const chmodBlocks = await writeFile(join(dir, 'probe'), '').then(
      () => false,
      () => true,
    )
    const fs = chmodBlocks ? undefined : fsWith({ open: () => Promise.reject(errno('EACCES')) }).fs
    if (!chmodBlocks) await rm(join(dir, 'probe'))
    await expectExportError(writeFileAtomic(join(dir, 'x.fit'), 'x', { fs }), 'NO_PERMISSION')
    expect(await readdir(dir)).toEqual([])
  })
})

describe('writeFileAtomic, each failure as the coach reads it', () => {
  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'])('falls back to an exclusive create where a hard link fails with %s', async (code) => {
    const { fs, calls } = fsWith({ link: () => Promise.reject(errno(code)) })
    await writeFileAtomic(join(dir, 'w.fit'), 'data', { fs })
    expect(await readFile(join(dir, 'w.fit'), 'utf8')).toBe('data')
    expect(calls).toEqual(['open wx', 'write', 'sync', 'close', 'link', 'open wx', 'close', 'rename'])
  })

  it('a link that fails for another reason is that reason, with no fallback', async () => {
    const { fs, calls } = fsWith({ link: () => Promise.reject(errno('EIO')) })
    await expectExportError(writeFileAtomic(join(dir, 'w.fit'), 'data', { fs }), 'IO', /could not save "w.fit" \(EIO\)\. Try again\./)
    expect(calls).not.toContain('rename')
    expect(await readdir(dir)).toEqual([])
  })

  it('a rename that fails after the name was claimed gives the name back', async () => {
    const { fs } = fsWith({ link: () => Promise.reject(errno('EXDEV')), rename: () => Promise.reject(errno('ENOSPC')) })
    await expectExportError(writeFileAtomic(join(dir, 'w.fit'), 'data', { fs }), 'DISK_FULL')
    expect(await readdir(dir)).toEqual([])
  })

  it.each([
    ['EACCES', 'NO_PERMISSION', 'Coach Desk is not allowed to save "x.fit" in FOLDER. Choose another folder or check its permissions.'],
    ['EPERM', 'NO_PERMISSION', 'Coach Desk is not allowed to save "x.fit" in FOLDER. Choose another folder or check its permissions.'],
    ['EROFS', 'NO_PERMISSION', 'Coach Desk is not allowed to save "x.fit" in FOLDER. Choose another folder or check its permissions.'],
    ['ENOSPC', 'DISK_FULL', 'There is not enough free space on the disk to save "x.fit". Free some space or choose another folder.'],
    ['EDQUOT', 'DISK_FULL', 'There is not enough free space on the disk to save "x.fit". Free some space or choose another folder.'],
    ['ENOENT', 'IO', 'The folder FOLDER is no longer there. Choose the export folder again.'],
    ['ENOTDIR', 'IO', 'The folder FOLDER is no longer there. Choose the export folder again.'],
    ['EEXIST', 'EXISTS', 'A file named "x.fit" already exists in FOLDER. Coach Desk did not replace it.'],
    ['EBUSY', 'IO', 'Coach Desk could not save "x.fit" (EBUSY). Try again.'],
    [undefined, 'IO', 'Coach Desk could not save "x.fit" (unknown error). Try again.'],
  ] as const)('%s is %s', async (code, expected, message) => {
    const failure = code ? errno(code) : new Error('no code')
    const { fs } = fsWith({ open: () => Promise.reject(failure) })
    const error = await writeFileAtomic(join(dir, 'x.fit'), 'x', { fs }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExportFileError)
    expect(error).toMatchObject({ code: expected, message: message.replace('FOLDER', dir), name: 'ExportFileError', cause: failure })
  })

  it('a failure that carries nothing at all is still an IO error with a message', async () => {
    const { fs } = fsWith({ open: () => Promise.reject(null) })
    await expectExportError(writeFileAtomic(join(dir, 'x.fit'), 'x', { fs }), 'IO', /could not save "x.fit" \(unknown error\)/)
  })

  it('writes through a hidden temporary file named after the file, that fits the disk even for the longest name', async () => {
    const opened: string[] = []
    const fs: AtomicWriteFs = { ...nodeFs, open: (path, flags) => (opened.push(path), nodeFs.open(path, flags)) }
    await writeFileAtomic(join(dir, 'Tempo.fit'), 'x', { fs })
    expect(opened[0]!.startsWith(join(dir, '.Tempo.fit.'))).toBe(true)
    expect(opened[0]!.slice(dir.length + 1)).toMatch(/^\.Tempo\.fit\.[0-9a-f]{12}\.tmp$/)
    expect(TEMP_FILE.test(opened[0]!.slice(dir.length + 1))).toBe(true)
    const longest = `${'a'.repeat(251)}.fit`
    await writeFileAtomic(join(dir, longest), 'x', { fs })
    const temp = opened[1]!.slice(dir.length + 1)
    expect(Buffer.byteLength(temp)).toBe(255)
    expect(temp).toMatch(/^\.a+\.fit\.[0-9a-f]{12}\.tmp$/)
    expect(await readdir(dir)).toEqual(['Tempo.fit', longest].sort())
  })

  it('two writes of one name never share a temporary file', async () => {
    const opened: string[] = []
    const fs: AtomicWriteFs = { ...nodeFs, open: (path, flags) => (opened.push(path), nodeFs.open(path, flags)) }
    await Promise.allSettled([writeFileAtomic(join(dir, 'same.fit'), 'a', { fs }), writeFileAtomic(join(dir, 'same.fit'), 'b', { fs })])
    expect(new Set(opened).size).toBe(2)
  })

  it('closes the file when writing into it fails', async () => {
    const { fs, calls } = fsWith({ writeFile: async () => Promise.reject(errno('EIO')) })
    await expectExportError(writeFileAtomic(join(dir, 'x.fit'), 'x', { fs }), 'IO')
    expect(calls).toEqual(['open wx', 'write', 'close', 'unlink'])
  })

  it('leaves no temporary file when the folder refuses its removal too', async () => {
    const { fs } = fsWith({ link: () => Promise.reject(errno('EACCES')), unlink: () => Promise.reject(errno('EACCES')) })
    await expectExportError(writeFileAtomic(join(dir, 'x.fit'), 'x', { fs }), 'NO_PERMISSION')
  })
})
