/**
 * Saves text the coach asked for (a CSV) through the browser's download: a Blob URL on a link that
 * is clicked once. The file never touches main's disk, and the window sends main no path.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked after the click has been handled, or the download would find no data.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
