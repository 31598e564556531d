import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'
import { join } from 'node:path'

// Electron's fuses, flipped in the packed binary before it is signed. They turn off what lets another
// program drive Coach Desk's binary as a plain Node.js (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect),
// encrypt its cookies, and make it load only the app.asar it was packed with, checked against the
// integrity hash electron-builder records.

export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served on app://coach-desk; file:// needs none of its old privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const

/** What electron-builder hands an afterPack hook (the part used here). */
export interface PackedApp {
  appOutDir: string
  electronPlatformName: string
  packager: { appInfo: { productFilename: string }; executableName?: string }
}

/** The Electron binary inside a packed app, named as electron-builder names it per platform. */
export function packedBinary(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename)
}

export function fuseConfig(electronPlatformName: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping a fuse changes the binary; on Apple silicon an unsigned build needs its ad-hoc
    // signature made again to start at all. A signed build is signed after this anyway.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
    ...FUSES,
  }
}

/** electron-builder's afterPack hook: runs after packing, before signing. */
export async function setFuses(context: PackedApp): Promise<void> {
  await flipFuses(packedBinary(context), fuseConfig(context.electronPlatformName))
}
