import { describe, expect, it } from 'vitest'
import { XmlError, attr, findElement, parseXml } from './xml'

// The XML reader behind .zwo files: what it reads from a workout file, and what it refuses with a message
// the coach sees in the import preview.

describe('text and attribute values', () => {
  it('decode the five named entities in any case, and leave unknown ones as written', () => {
    expect(parseXml('<a t="&amp;&lt;&gt;&quot;&apos;"/>').attrs.t).toBe('&<>"\'')
    expect(parseXml('<a t="&AMP;&Lt;"/>').attrs.t).toBe('&<')
    expect(parseXml('<a t="&nbsp; &x; &copy;"/>').attrs.t).toBe('&nbsp; &x; &copy;')
  })

  it('decode decimal and hexadecimal character references, with x or X, and drop those outside Unicode', () => {
    expect(parseXml('<a>&#65;&#x42;&#X43;&#x1F6B4;</a>').text).toBe('ABC🚴')
    expect(parseXml('<a>&#0;&#x110000;b</a>').text).toBe('b')
    expect(parseXml('<a>&#1114111;</a>').text).toBe(String.fromCodePoint(0x10ffff))
  })

  it('keep an ampersand that starts no reference', () => {
    expect(parseXml('<a>Over & Unders &; &#; &#xZ;</a>').text).toBe('Over & Unders &; &#; &#xZ;')
  })

  it('gather the text around child elements and in CDATA sections, entities in CDATA left alone', () => {
    const a = parseXml('<a>one <b/>two<![CDATA[ &amp; <three>]]> four</a>')
    expect(a.text).toBe('one two &amp; <three> four')
    expect(a.children.map((c) => c.name)).toEqual(['b'])
  })
})

describe('elements', () => {
  it('are read with their attributes in single or double quotes, spaces around the equals sign allowed', () => {
    const el = parseXml(`<SteadyState Duration = "300" Power='0.6'  Cadence="90"/>`)
    expect(el).toEqual({ name: 'SteadyState', attrs: { Duration: '300', Power: '0.6', Cadence: '90' }, children: [], text: '' })
  })

  it('nest as written, with declarations and comments skipped', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<!-- made by hand -->\n<w><x><y/></x><z>t</z></w>')
    expect(doc.name).toBe('w')
    expect(doc.children.map((c) => [c.name, c.children.map((g) => g.name), c.text])).toEqual([
      ['x', ['y'], ''],
      ['z', [], 't'],
    ])
  })

  it('close up to the matching open element, and a stray closing tag is passed over', () => {
    const doc = parseXml('<w><x><y></x><z/></q></w>')
    expect(doc.children.map((c) => c.name)).toEqual(['x', 'z'])
    expect(doc.children[0]?.children.map((c) => c.name)).toEqual(['y'])
    expect(parseXml('<W><x></X><z/></w>').children.map((c) => c.name)).toEqual(['x', 'z'])
  })

  it('keep the text of a file cut off inside them', () => {
    expect(parseXml('<a><b/>cut &amp; off').text).toBe('cut & off')
  })

  it('pass over a closing tag without a name', () => {
    const doc = parseXml('<w><x></><y/></x></w>')
    expect(doc.children.map((c) => [c.name, c.children.map((g) => g.name)])).toEqual([['x', ['y']]])
  })

  it('are refused when nested more than 32 deep, read at 32', () => {
    const nest = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n)
    expect(() => parseXml(nest(32))).not.toThrow()
    expect(() => parseXml(nest(33))).toThrow(new XmlError('The file nests elements too deeply.'))
  })
})

describe('a file that is not well formed', () => {
  it.each([
    ['< a/>', 'The file has a malformed tag.'],
    ['<a 1="x"/>', 'The tag <a> has a malformed attribute.'],
    ['<a b/>', 'The attribute b of <a> has no value.'],
    ['<a b=x/>', 'The attribute b of <a> is not quoted.'],
    ['<a b="x', 'The file ends inside an attribute of <a>.'],
    ['<a b="x" ', 'The file ends inside the tag <a>.'],
    ['<a', 'The file ends inside the tag <a>.'],
    ['<a b', 'The file ends inside the tag <a>.'],
    ['<a b =  ', 'The file ends inside the tag <a>.'],
    ['<?xml version="1.0"', 'The file ends inside a processing instruction.'],
    ['<a><![CDATA[x', 'The file ends inside a CDATA section.'],
    ['<a></a', 'The file ends inside a closing tag.'],
    ['<!DOCTYPE a><a/>', 'Workout files with a document type declaration are not read.'],
    ['just text', 'The file has no XML elements.'],
  ])('%s is refused: %s', (src, message) => {
    expect(() => parseXml(src)).toThrow(new XmlError(message))
  })
})

describe('looking things up', () => {
  const doc = parseXml('<r><a><Name>deep</Name></a><NAME>shallow</NAME><b Power="1" power="2"/></r>')

  it('finds the shallowest element of a name, in any case, and nothing for a name not there', () => {
    expect(findElement(doc, 'name')?.text).toBe('shallow')
    expect(findElement(doc, 'missing')).toBeUndefined()
    expect(findElement(doc, 'r')).toBeUndefined()
  })

  it('reads an attribute in any case, the first written when two differ only in case', () => {
    const b = findElement(doc, 'B')
    expect(b && attr(b, 'POWER')).toBe('1')
    expect(b && attr(b, 'cadence')).toBeUndefined()
  })
})

describe('an error', () => {
  it('names its kind in a log line', () => {
    expect(String(new XmlError('The file has no XML elements.'))).toBe('XmlError: The file has no XML elements.')
  })
})
