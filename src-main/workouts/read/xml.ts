// A small, strict-enough XML reader for workout files. .zwo files are tiny and flat; this reads elements,
// attributes and text, and nothing that could reach outside the file: no DTDs, no external entities, only the
// five predefined entities and numeric character references.

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

export class XmlError extends Error {
  override readonly name = 'XmlError'
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const MAX_DEPTH = 32
const NAME = /^[A-Za-z_][\w.:-]*/

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

function skipPast(src: string, from: number, end: string, what: string): number {
  const at = src.indexOf(end, from)
  if (at < 0) throw new XmlError(`The file ends inside ${what}.`)
  return at + end.length
}

/** Parses a document into its root element. Element names keep their case; look them up case-insensitively. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  let i = 0
  while (i < src.length) {
    // Closing tags never pop the document itself, so the stack always holds at least the root.
    const top = stack.at(-1) ?? root
    const lt = src.indexOf('<', i)
    if (lt < 0) {
      top.text += decode(src.slice(i))
      break
    }
    if (lt > i) top.text += decode(src.slice(i, lt))
    i = lt
    if (src.startsWith('<?', i)) i = skipPast(src, i, '?>', 'a processing instruction')
    else if (src.startsWith('<!--', i)) i = skipPast(src, i, '-->', 'a comment')
    else if (src.startsWith('<![CDATA[', i)) {
      const end = skipPast(src, i, ']]>', 'a CDATA section')
      top.text += src.slice(i + 9, end - 3)
      i = end
    } else if (src.startsWith('<!', i)) {
      throw new XmlError('Workout files with a document type declaration are not read.')
    } else if (src.startsWith('</', i)) {
      const name = NAME.exec(src.slice(i + 2))?.[0] ?? ''
      i = skipPast(src, i, '>', 'a closing tag')
      // Tolerate a stray closing tag; close up to the matching open element when there is one.
      const open = stack.map((e) => e.name.toLowerCase()).lastIndexOf(name.toLowerCase())
      if (open > 0) stack.length = open
    } else {
      i = readStartTag(src, i, top, stack)
    }
  }
  const element = root.children[0]
  if (!element) throw new XmlError('The file has no XML elements.')
  return element
}

/** The next character that is not white space; a file that ends first was cut off inside the tag. */
function skipSpaceInTag(src: string, from: number, name: string): number {
  let i = from
  while (i < src.length && /\s/.test(src[i] ?? '')) i++
  if (i >= src.length) throw new XmlError(`The file ends inside the tag <${name}>.`)
  return i
}

function readStartTag(src: string, from: number, parent: XmlElement, stack: XmlElement[]): number {
  const name = NAME.exec(src.slice(from + 1, from + 200))?.[0]
  if (!name) throw new XmlError('The file has a malformed tag.')
  const node: XmlElement = { name, attrs: {}, children: [], text: '' }
  let i = from + 1 + name.length
  for (;;) {
    i = skipSpaceInTag(src, i, name)
    if (src[i] === '>' || src.startsWith('/>', i)) break
    const attr = NAME.exec(src.slice(i, i + 200))?.[0]
    if (!attr) throw new XmlError(`The tag <${name}> has a malformed attribute.`)
    i = skipSpaceInTag(src, i + attr.length, name)
    if (src[i] !== '=') throw new XmlError(`The attribute ${attr} of <${name}> has no value.`)
    i = skipSpaceInTag(src, i + 1, name)
    const quote = src[i]
    if (quote !== '"' && quote !== "'") throw new XmlError(`The attribute ${attr} of <${name}> is not quoted.`)
    const end = src.indexOf(quote, i + 1)
    if (end < 0) throw new XmlError(`The file ends inside an attribute of <${name}>.`)
    node.attrs[attr] = decode(src.slice(i + 1, end))
    i = end + 1
  }
  parent.children.push(node)
  if (src[i] === '>') {
    if (stack.length > MAX_DEPTH) throw new XmlError('The file nests elements too deeply.')
    stack.push(node)
    return i + 1
  }
  return i + 2
}

/** The shallowest element with this name (case-insensitive) below root: a file's own <name> before any nested one. */
export function findElement(root: XmlElement, name: string): XmlElement | undefined {
  const wanted = name.toLowerCase()
  const queue = [...root.children]
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (next.name.toLowerCase() === wanted) return next
    queue.push(...next.children)
  }
  return undefined
}

/** An attribute by name, case-insensitive (Zwift files are not consistent about it). */
export function attr(el: XmlElement, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [k, v] of Object.entries(el.attrs)) if (k.toLowerCase() === wanted) return v
  return undefined
}
