#!/usr/bin/env node
/**
 * Compiles the command line, the benchmarks and the tools (tsconfig.build.json)
 * to CommonJS in build/, with the TypeScript compiler's API. Run by `prepare`,
 * so `npm ci` leaves `npx patient-ledger` ready to run plain JavaScript.
 *
 * Type errors are reported but do not stop the build: every file still
 * compiles to JavaScript (isolatedModules), and type-checking is
 * `npm run lint`'s job — an install should not fail because a type is wrong.
 * The build fails only when the compiler emits nothing.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const configPath = path.join(root, 'tsconfig.build.json');
const out = path.join(root, 'build');

const read = ts.readConfigFile(configPath, ts.sys.readFile);
if (read.error) fail(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
if (parsed.errors.length > 0) fail(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));

// Files moved or deleted in src/ must not live on in build/.
fs.rmSync(out, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const emit = program.emit();
const diagnostics = ts.getPreEmitDiagnostics(program).concat(emit.diagnostics);
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnostics(diagnostics.slice(0, 20), host));
  process.stderr.write(`build-cli: ${diagnostics.length} type error(s) (see npm run lint); JavaScript emitted anyway.\n`);
}
if (emit.emitSkipped || !fs.existsSync(path.join(out, 'src', 'cli', 'main.js'))) fail('nothing was emitted');
fs.writeFileSync(path.join(out, '.stamp'), `${new Date().toISOString()}\n`);
process.stderr.write(`build-cli: compiled ${parsed.fileNames.length} entry files to build/\n`);

function fail(message) {
  process.stderr.write(`build-cli: ${message}\n`);
  process.exit(1);
}
