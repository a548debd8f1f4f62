// Shared jest settings: every project's jest.config.js calls this with its own directory.
// @swc/jest transpiles TypeScript (with decorator metadata for TypeORM) and skips type checks;
// `npm run typecheck` does those.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = function jestProject(dir) {
  const name = path.relative(__dirname, dir);
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)sx?$': swc },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    setupFiles: [require.resolve('reflect-metadata')],
    globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.ts'),
    // Applies when one project's config runs alone; the root config sets the same for `npm test`.
    testTimeout: 60_000,
  };
};
