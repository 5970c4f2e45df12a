/** package.json's version, injected by webpack's DefinePlugin (webpack.config.js). */
declare const __APP_VERSION__: string;
