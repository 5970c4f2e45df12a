/**
 * A tiny webpack plugin: after a production build, prints the gzipped size
 * of the task pane's JavaScript — its entry and the analysis worker, every
 * .js file they load — and fails the build when it is over the budget
 * (issue 12: at most 400 KB gzipped).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

class BundleSizePlugin {
  constructor({ entries, budgetBytes }) {
    this.entries = entries;
    this.budgetBytes = budgetBytes;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleSizePlugin', (compilation) => {
      const files = new Set();
      for (const name of this.entries) {
        const ep = compilation.entrypoints.get(name);
        if (!ep) continue;
        for (const f of ep.getFiles()) if (f.endsWith('.js')) files.add(f);
      }
      let raw = 0;
      let gz = 0;
      const lines = [];
      for (const f of [...files].sort()) {
        const src = fs.readFileSync(path.join(compilation.outputOptions.path, f));
        const g = zlib.gzipSync(src, { level: 9 }).length;
        raw += src.length;
        gz += g;
        lines.push(`  ${f.padEnd(40)} ${kb(src.length).padStart(10)} ${kb(g).padStart(10)} gzipped`);
      }
      const verdict = gz <= this.budgetBytes ? 'within' : 'OVER';
      console.log(`\nTask pane JavaScript (${this.entries.join(' + ')}):\n${lines.join('\n')}\n  total ${kb(raw)}, ${kb(gz)} gzipped — ${verdict} the ${kb(this.budgetBytes)} budget\n`);
      if (gz > this.budgetBytes) compilation.errors.push(new Error(`Task pane JavaScript is ${kb(gz)} gzipped, over the ${kb(this.budgetBytes)} budget`));
    });
  }
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

module.exports = { BundleSizePlugin };
