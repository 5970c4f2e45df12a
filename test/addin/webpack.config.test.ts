/**
 * webpack.config.js without running webpack: a build never asks for dev
 * certificates (CI has none), `webpack serve` serves HTTPS on port 3000 with
 * them, and the version shown in the pane comes from package.json.
 */
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

const mockGetHttpsServerOptions = jest.fn(async () => ({ ca: 'CA', key: 'KEY', cert: 'CERT' }));
jest.mock('office-addin-dev-certs', () => ({ getHttpsServerOptions: mockGetHttpsServerOptions }));

type ConfigFn = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Record<string, unknown>>;
const configFn = require(path.join(ROOT, 'webpack.config.js')) as ConfigFn;
const pkg = require(path.join(ROOT, 'package.json')) as { version: string };

beforeEach(() => mockGetHttpsServerOptions.mockClear());

test('a production build has the pane, commands and analysis-worker entries, no dev server and no certificates', async () => {
  const config = await configFn({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: 'production' });
  expect(config.mode).toBe('production');
  expect(config.entry).toEqual({
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    analysisWorker: './src/taskpane/worker/analysisWorker.ts',
  });
  expect(config.devServer).toBeUndefined();
  expect(mockGetHttpsServerOptions).not.toHaveBeenCalled();
});

test('webpack serve: HTTPS on port 3000 with the Office dev certificates', async () => {
  const config = await configFn({ WEBPACK_SERVE: true }, { mode: 'development' });
  expect(mockGetHttpsServerOptions).toHaveBeenCalledTimes(1);
  expect(config.devServer).toMatchObject({
    port: 3000,
    server: { type: 'https', options: { ca: 'CA', key: 'KEY', cert: 'CERT' } },
  });
});

test("__APP_VERSION__ is package.json's version", async () => {
  const config = await configFn({}, { mode: 'production' });
  const plugins = config.plugins as { definitions?: Record<string, unknown> }[];
  const define = plugins.find((p) => p.definitions && '__APP_VERSION__' in p.definitions);
  expect(define?.definitions?.__APP_VERSION__).toBe(JSON.stringify(pkg.version));
});
