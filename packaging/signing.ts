// Code signing and notarisation come from the environment and are skipped without it, so a build
// on a machine without certificates still makes working (unsigned) packages.
//
// macOS: CSC_LINK (the Developer ID Application certificate, .p12 as a path, https URL or base64)
// and CSC_KEY_PASSWORD; notarisation with APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID,
// or an App Store Connect API key: APPLE_API_KEY (the .p8 path), APPLE_API_KEY_ID, APPLE_API_ISSUER.
// Windows: WIN_CSC_LINK (or CSC_LINK) and WIN_CSC_KEY_PASSWORD (or CSC_KEY_PASSWORD); electron-builder
// reads these itself and signs only when they are there.

export interface Signing {
  /** undefined: electron-builder signs with the certificate from CSC_LINK/CSC_NAME; null: not signed. */
  macIdentity: string | null | undefined
  notarize: boolean
}

export function signingFromEnv(env: Record<string, string | undefined>): Signing {
  const macCertificate = !!(env.CSC_LINK || env.CSC_NAME)
  const appleId = !!(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID)
  const apiKey = !!(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER)
  return {
    macIdentity: macCertificate ? undefined : null,
    // Apple notarises only signed apps.
    notarize: macCertificate && (appleId || apiKey),
  }
}
