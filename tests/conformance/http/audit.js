'use strict';
// graphql-http's server audits (the GraphQL-over-HTTP specification's MUST/SHOULD/MAY checks) against one URL.
// Every result is printed; a failed MUST ("error") or SHOULD ("warn") fails the run. MAY audits ("notice") are
// reported and never fail.
const { serverAudits } = require('graphql-http');

// Audits that cannot apply, with the reason. Keyed by audit id. Keep this list short and justified.
const NOT_APPLICABLE = new Map([
  // (none: every MUST and SHOULD audit applies and passes)
]);

async function runAudits(target) {
  const audits = serverAudits({ url: target.url });
  const results = [];
  for (const audit of audits) {
    // One at a time: the audits are cheap and the build machine is shared.
    results.push(await audit.fn());
  }

  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const skip = NOT_APPLICABLE.get(r.id);
    let verdict;
    if (r.status === 'ok') {
      verdict = 'ok';
      passed++;
    } else if (skip) {
      verdict = `n/a (${skip})`;
    } else if (r.status === 'notice') {
      // graphql-http reports MAY audits as notices, SHOULD as warnings and MUST as errors.
      verdict = `not done (MAY): ${r.reason}`;
    } else {
      verdict = `FAILED: ${r.reason}`;
      failed++;
    }
    console.log(`  [${r.id}] ${r.name} — ${verdict}`);
  }
  return { passed, failed };
}

module.exports = { runAudits, NOT_APPLICABLE };
