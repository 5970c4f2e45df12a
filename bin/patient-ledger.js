#!/usr/bin/env node
// The command line, compiled to build/ by `npm run build:cli` (run by `prepare`, so on `npm ci`).
'use strict';
let main;
try {
  ({ main } = require('../build/src/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /build[\\/]src[\\/]cli[\\/]main/.test(String(err.message))) {
    process.stderr.write('patient-ledger: the command line is not built yet; run `npm run build:cli` (npm ci does it).\n');
    process.exit(1);
  }
  throw err;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`patient-ledger: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
