#!/usr/bin/env node
// Runs a TypeScript entry file (benchmarks, scripts) through tsx with no build step.
'use strict';
require('tsx/cjs');
const file = require('path').resolve(process.argv[2]);
process.argv.splice(1, 2, file);
require(file);
