#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ through tsx (esbuild), so the
// `bin` works right after `npm ci` with no build step (DESIGN §7).
'use strict';
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`patient-ledger: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
