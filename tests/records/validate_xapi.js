// Validates every statement of an xAPI export against the public xAPI
// statement schema (tin-can-json-schema, JSON Schema draft-04) with ajv,
// with the package's string formats (uuid, iri, iso_date, ...) enforced.
//
//   node validate_xapi.js NODE_DIR STATEMENTS.json [INTERACTION_TYPES]
//
// INTERACTION_TYPES (comma-separated): each must be among the answered
// questions' interactionType, with a correctResponsesPattern.
'use strict';
const path = require('path');
const fs = require('fs');

const [nodeDir, file, wanted] = process.argv.slice(2);
const from = (name) => require(path.join(nodeDir, 'node_modules', name));
const Ajv = from('ajv-draft-04');
const schema = from('tin-can-json-schema/1.0.1.json');
const formats = from('tin-can-json-schema/formats.json');

// The schema's patterns are written for JavaScript regexps without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
for (const [name, pattern] of Object.entries(formats)) ajv.addFormat(name, new RegExp(pattern));
ajv.addSchema(schema, 'tcapi');
const statement = ajv.compile({ $ref: 'tcapi#statement' });

// The validator must be able to say no, or a pass means nothing.
const broken = { id: 'not-a-uuid', actor: {}, verb: { id: 'answered' }, object: { id: 'x' } };
if (statement(broken)) {
  console.error('validate_xapi: the schema accepted a broken statement; the check is not working');
  process.exit(1);
}

const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(statements) || statements.length === 0) {
  console.error(`${file}: expected a non-empty JSON array of statements`);
  process.exit(1);
}
let invalid = 0;
statements.forEach((s, i) => {
  if (!statement(s)) {
    invalid++;
    console.error(`${file}: statement ${i + 1} (id ${s.id}) is invalid:`);
    for (const e of statement.errors) console.error(`  ${e.instancePath || '/'} ${e.message} (${e.schemaPath})`);
  }
});
const verbs = [...new Set(statements.map((s) => s.verb.id.split('/').pop()))].sort();
console.log(`${statements.length} statements checked against tin-can-json-schema 1.0.1, ${invalid} invalid; verbs: ${verbs.join(', ')}`);
const definitions = statements.map((s) => s.object && s.object.definition).filter((d) => d && d.interactionType);
const types = [...new Set(definitions.map((d) => d.interactionType))].sort();
console.log(`interaction types: ${types.join(', ')}`);
for (const type of wanted ? wanted.split(',') : []) {
  const withPattern = definitions.filter((d) => d.interactionType === type && Array.isArray(d.correctResponsesPattern));
  if (withPattern.length === 0) {
    console.error(`${file}: no answered question of interaction type ${type} with a correctResponsesPattern`);
    invalid++;
  }
}
process.exit(invalid ? 1 : 0);
