/*
 * Builds the Excel add-in's pages into dist/:
 *   taskpane.html (+ taskpane bundle)  — the task pane (React + Fluent UI v9)
 *   commands.html (+ commands bundle)  — the ribbon's function file
 *   assets/icon-*.png, support.html, manifest.xml
 *
 *   npm run build       webpack --mode production   (no certificates needed)
 *   npm run dev-server  webpack serve --mode development → https://localhost:3000
 *
 * ADDIN_ORIGIN=https://example.org npm run build rewrites the copied
 * manifest's https://localhost:3000 URLs to where dist/ is deployed.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');
const { BundleSizePlugin } = require('./scripts/bundle-size');

const DEV_ORIGIN = 'https://localhost:3000';
const DEV_PORT = 3000;

/** The dev server's HTTPS options; only `webpack serve` asks, so a build never needs certificates. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const origin = production && process.env.ADDIN_ORIGIN ? process.env.ADDIN_ORIGIN.replace(/\/+$/, '') : DEV_ORIGIN;

  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The task pane's Web Worker (ingest → domain → report off the main thread).
      analysisWorker: './src/taskpane/worker/analysisWorker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type-checking is `npm run lint`; here only transpile. ES modules
              // (not the project's CommonJS) so webpack can tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // Prints the task pane's gzipped JavaScript (pane + worker) and fails the build over the budget.
      ...(production ? [new BundleSizePlugin({ entries: ['taskpane', 'analysisWorker'], budgetBytes: 400 * 1024 })] : []),
      new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // The page names the worker's file (with its content hash) in a meta tag.
        templateParameters: (compilation, assets, assetTags, options) => ({
          compilation,
          webpackConfig: compilation.options,
          htmlWebpackPlugin: { tags: assetTags, files: assets, options },
          analysisWorker: [...compilation.entrypoints.get('analysisWorker').getFiles()].find((f) => f.endsWith('.js')),
        }),
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Icons and the support page only: other assets (the sample ledger) are not part of the add-in.
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'assets/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin)),
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 (tree-shaken) is most of the task pane bundle; warn if it grows past that.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: true,
          // Office loads the pages cross-origin (Office on the web, the ribbon's icons).
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
        }
      : undefined,
  };
};
