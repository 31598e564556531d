/** A route's answer that is a file (workout downloads, zips): sent as bytes, with a download name. */
export class FileBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
  ) {}

  headers(): Record<string, string> {
    // ASCII only in the quoted form: the live server's names are ASCII (e.g. "Big_Gear_Grinds.zwo").
    const ascii = this.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
    return { 'Content-Type': this.contentType, 'Content-Disposition': `attachment; filename="${ascii}"` }
  }
}
