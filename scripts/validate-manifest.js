#!/usr/bin/env node
/*
 * Offline manifest check: `npm run validate [-- <manifest.xml>]`.
 *
 * `office-addin-manifest validate` posts the manifest to an online service, so
 * instead:
 *   1. xmllint validates it against the official XSDs in manifest-schemas/;
 *   2. `office-addin-manifest info` parses it the way Office's tooling does.
 * Exit codes: 0 valid; 1 a check failed; 2 a tool (xmllint) or the file is missing.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'manifest-schemas', 'OfficeAppManifestV1_1.xsd');

function fail(code, message) {
  process.stderr.write(`validate-manifest: ${message}\n`);
  process.exit(code);
}

/** Runs a command, echoing its output; returns its exit status (null when it could not start). */
function run(label, command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (r.error) return { started: false, ok: false, error: r.error };
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (out) process.stdout.write(`${out.replace(/^/gm, `[${label}] `)}\n`);
  return { started: true, ok: r.status === 0, status: r.status };
}

function officeAddinManifestCli() {
  const pkgJson = require.resolve('office-addin-manifest/package.json', { paths: [ROOT] });
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['office-addin-manifest'];
  return path.join(path.dirname(pkgJson), bin);
}

function main() {
  const manifest = path.resolve(process.argv[2] || path.join(ROOT, 'manifest.xml'));
  if (!fs.existsSync(manifest)) fail(2, `manifest not found: ${manifest}`);
  if (!fs.existsSync(SCHEMA)) fail(2, `schema not found: ${SCHEMA} (copy ../shared/manifest-schemas here)`);

  const xmllint = run('xmllint', 'xmllint', ['--noout', '--schema', SCHEMA, manifest]);
  if (!xmllint.started) {
    fail(
      2,
      xmllint.error && xmllint.error.code === 'ENOENT'
        ? 'xmllint is not installed; install it with `apt-get install -y libxml2-utils` (Debian) and re-run.'
        : `could not run xmllint: ${xmllint.error && xmllint.error.message}`,
    );
  }
  if (!xmllint.ok) fail(1, `${path.basename(manifest)} does not match the Office add-in manifest schema (see xmllint output above).`);

  const info = run('office-addin-manifest', process.execPath, [officeAddinManifestCli(), 'info', manifest]);
  if (!info.started) fail(2, `could not run office-addin-manifest: ${info.error && info.error.message}`);
  if (!info.ok) fail(1, `office-addin-manifest could not read ${path.basename(manifest)} (exit ${info.status}).`);

  process.stdout.write(`validate-manifest: ${path.relative(process.cwd(), manifest) || manifest} is valid (schema + office-addin-manifest info).\n`);
}

main();
