// The real LRS of the push tests: Learning Locker's statement service
// (npm xapi-statements 5.0.1) in the mode that needs no MongoDB or Redis,
// started as its README says (AUTH_REPO=test EVENTS_REPO=test
// MODELS_REPO=memory STORAGE_REPO=local FS_LOCAL_STORAGE_DIR EXPRESS_PORT,
// set by the caller). In that mode it keeps statements in memory only, so a
// killed LRS would come back empty, and "nothing missing after a kill" could
// not be checked. This adds what a real deployment's database gives: each
// statement the service stores is appended to JOURNAL before the service
// answers, and read back when it starts. Nothing else of it is changed.
//
//   node lrs.js NODE_DIR JOURNAL
'use strict';
const fs = require('fs');
const path = require('path');

const [nodeDir, journal] = process.argv.slice(2);
const dist = path.resolve(nodeDir, 'node_modules', 'xapi-statements', 'dist');
const memoryModels = require(path.join(dist, 'repo/modelsRepo/utils/memoryModels/facade'));

// One line per batch of stored statements. A line cut short by a kill is the
// last one; its statements were never acknowledged, so it is dropped.
function load() {
  if (!fs.existsSync(journal)) return [];
  const models = [];
  for (const line of fs.readFileSync(journal, 'utf8').split('\n')) {
    if (!line) continue;
    let batch;
    try { batch = JSON.parse(line); } catch (e) { continue; }
    for (const m of batch) {
      m.timestamp = new Date(m.timestamp);
      m.stored = new Date(m.stored);
      models.push(m);
    }
  }
  return models;
}

const createMemoryModels = memoryModels.default;
memoryModels.default = (config) => {
  config.state.statements = load();
  const saved = new Set(config.state.statements);
  const repo = createMemoryModels(config);
  const createStatements = repo.createStatements;
  repo.createStatements = async (options) => {
    const result = await createStatements(options);
    const added = config.state.statements.filter((m) => !saved.has(m));
    added.forEach((m) => saved.add(m));
    // One write: a kill leaves the whole line or a torn last one, never a torn earlier one.
    if (added.length) fs.appendFileSync(journal, JSON.stringify(added) + '\n');
    return result;
  };
  return repo;
};

require(path.join(dist, 'index.js'));
