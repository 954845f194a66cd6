// Compares what an LRS holds (lrs_read.js's output) with lektion's xAPI
// exports: the same statement ids, each once, and the same content. The
// exports' hash chain is left out (a push sends statements without it), and
// so is what the LRS adds (stored, authority).
//
//   node lrs_compare.js READ.json EXPORT.json...
'use strict';
const fs = require('fs');

const [readFile, ...exportFiles] = process.argv.slice(2);
const chain = 'https://lektion.invalid/xapi/extensions/chain';

function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

const expected = new Map();
for (const file of exportFiles) {
  for (const s of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const ext = s.context && s.context.extensions;
    if (ext) {
      delete ext[chain];
      if (Object.keys(ext).length === 0) delete s.context.extensions;
    }
    expected.set(s.id, canonical(s));
  }
}
const held = JSON.parse(fs.readFileSync(readFile, 'utf8'));
const seen = new Map();
let duplicates = 0, differ = 0, extra = 0;
for (const s of held) {
  if (seen.has(s.id)) { duplicates++; continue; }
  delete s.stored;
  delete s.authority;
  seen.set(s.id, canonical(s));
}
for (const [id, text] of seen) {
  if (!expected.has(id)) extra++;
  else if (expected.get(id) !== text) {
    if (differ++ < 3) console.error(`differs: ${id}\n  sent: ${expected.get(id)}\n  held: ${text}`);
  }
}
const missing = [...expected.keys()].filter((id) => !seen.has(id)).length;
console.log(`${held.length} held, ${expected.size} exported: ${missing} missing, ${duplicates} duplicates, ` +
            `${extra} not exported, ${differ} with other content`);
process.exit(missing || duplicates || extra || differ ? 1 : 0);
