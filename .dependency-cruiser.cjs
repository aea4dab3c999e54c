/**
 * The layers of the tree, kept by a machine (`npm run lint`). ARCHITECTURE.md draws them.
 *
 *   core  ←  infrastructure  ←  domain modules  ←  composition
 *
 * core: packages/core (pure: no Node built-ins, no server, no console); the demo
 *   generator (packages/demo) needs only core.
 * infrastructure: the server's config, db, lake, security, platform, HTTP kernel (http/)
 *   and model engine (models-engine/): what any module may use, knowing no module.
 * domain modules: packages/server/src/modules/<name>/, each entered by its index.ts.
 * composition: app/ (the app's assembly), cli/, bench/, demo/, tools/: may use everything.
 * Test code (*.test.ts(x), *.fixture.ts, testing/ folders, the browser tests) may import
 * anything; nothing else may import it.
 */
const SERVER = '^packages/server/src/';
const INFRASTRUCTURE = `${SERVER}(config|db|lake|security|platform|http|models-engine|backup)/`;
const MODULES = `${SERVER}modules/`;
const COMPOSITION = `${SERVER}(app|cli|bench|demo|tools)/`;
const TEST_CODE = '(\\.test\\.tsx?$|\\.fixture\\.ts$|/testing/|^packages/e2e/)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle anywhere: one side must learn of the other through an event or an argument.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'Core holds the domain as data and pure functions: no server, no console, no demo.',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: TEST_CODE },
      to: { path: '^packages/(server|web|e2e|demo)/|@qingfeng/(server|web|e2e|demo)' },
    },
    {
      name: 'core-uses-no-node',
      comment: 'Core runs in the browser too: no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'demo-generator-needs-only-core',
      comment: 'The demo county is generated from the data standard alone; the server loads it.',
      severity: 'error',
      from: { path: '^packages/demo/src/' },
      to: { path: '^packages/(server|web|e2e)/|@qingfeng/(server|web|e2e)' },
    },
    {
      name: 'console-not-server',
      comment: 'The console talks to the server over HTTP only; it shares core.',
      severity: 'error',
      from: { path: '^packages/web/src/' },
      to: { path: '^packages/(server|e2e|demo)/|@qingfeng/(server|e2e|demo)' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Tests, fixtures and test scaffolding are left out of the build: production code cannot lean on them.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'infrastructure-knows-no-module',
      comment: 'Infrastructure serves every module and knows none; a module supplies what it needs at assembly.',
      severity: 'error',
      from: { path: INFRASTRUCTURE, pathNot: TEST_CODE },
      to: { path: `${MODULES}|${COMPOSITION}` },
    },
    {
      name: 'modules-point-down',
      comment: 'A domain module never imports the assembly, the CLI, the benchmark or the demo.',
      severity: 'error',
      from: { path: MODULES, pathNot: TEST_CODE },
      to: { path: COMPOSITION },
    },
    {
      name: 'module-entry-only',
      comment: 'Another module is entered by its index.ts, never by its internals.',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/`, pathNot: TEST_CODE },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
  },
};
