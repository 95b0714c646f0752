// Reads an XLIFF 2.0 file with the xliff package (xliff2js) and prints, as JSON, every unit it
// found: file, id, source, target and the state bitext recorded on the unit.
import { readFileSync } from 'node:fs'
import xliff2js from 'xliff/xliff2js'

const text = readFileSync(process.argv[2], 'utf8')
const result = await xliff2js(text, { inlineAsString: true })
const units = []
for (const [file, resources] of Object.entries(result.resources || {})) {
  for (const [id, unit] of Object.entries(resources)) {
    units.push({
      file,
      id,
      source: unit.source,
      target: unit.target,
      state: unit.additionalAttributes && unit.additionalAttributes['bitext:state'],
      notes: unit.note
    })
  }
}
console.log(JSON.stringify({
  sourceLanguage: result.sourceLanguage,
  targetLanguage: result.targetLanguage,
  units
}, null, 1))
