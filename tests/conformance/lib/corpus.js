'use strict';
// Reads the corpus: every corpus/**/NAME.graphql, with optional NAME.variables.json beside it. A first line
// `# operationName: X` picks the operation to execute.
const fs = require('fs');
const path = require('path');

const corpusDir = path.join(__dirname, '..', 'corpus');

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.name.endsWith('.graphql')) out.push(full);
  }
  return out;
}

function loadCorpus() {
  return walk(corpusDir).map((file) => {
    const name = path.relative(corpusDir, file).replace(/\\/g, '/').replace(/\.graphql$/, '');
    const source = fs.readFileSync(file, 'utf8');
    const varsFile = file.replace(/\.graphql$/, '.variables.json');
    const variables = fs.existsSync(varsFile) ? JSON.parse(fs.readFileSync(varsFile, 'utf8')) : null;
    const match = /^# operationName: (\w+)/.exec(source);
    return { name, source, variables, operationName: match ? match[1] : null };
  });
}

module.exports = { loadCorpus, corpusDir };
