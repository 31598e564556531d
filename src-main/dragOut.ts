import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { NativeImage, WebContents } from 'electron'
import { AppError } from './contract/errors'

// The last check before a native file drag: webContents.startDrag hands the OS whatever paths it
// gets, so only regular files main itself wrote into its drag folder may pass, and the icon must
// not be empty (macOS refuses an empty drag image).

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/** A startDrag for one call, bound to the window that asked for it. */
export function dragStarter(sender: Pick<WebContents, 'startDrag'>, icon: Pick<NativeImage, 'isEmpty'>, dragRoot: string): (files: string[]) => void {
  return (files) => {
    if (icon.isEmpty()) throw new AppError('INTERNAL', 'The drag icon is missing from this copy of Coach Desk, so files cannot be dragged out.')
    if (files.length === 0) throw new AppError('INVALID_INPUT', 'There is no file to drag.')
    let root: string
    try {
      root = realpathSync(resolve(dragRoot))
    } catch {
      throw new AppError('INTERNAL', 'The drag folder is missing, so files cannot be dragged out.')
    }
    for (const file of files) {
      // Symbolic links are resolved first, so a link inside the folder cannot point outside it.
      let real: string
      try {
        real = isAbsolute(file) ? realpathSync(file) : ''
      } catch {
        real = ''
      }
      if (!real || !inside(root, real) || !statSync(real).isFile()) {
        throw new AppError('FORBIDDEN', 'Coach Desk only drags files it has written into its own export folder.', file)
      }
    }
    sender.startDrag({ file: files[0]!, files, icon: icon as NativeImage })
  }
}
