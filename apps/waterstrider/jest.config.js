// Component tests run in jsdom; the end-to-end specs (test/e2e) opt into node with a docblock.
const preset = require('../../jest.preset')(__dirname);

const swcForTsx = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      // Decorators: the server's tests import platform libraries with TypeORM entities.
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: {
        react: { runtime: 'automatic' },
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
      },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  transform: { '^.+\\.(t|j)sx?$': swcForTsx, '^.+\\.mjs$': swcForTsx },
  testMatch: [...preset.testMatch, '<rootDir>/src/**/*.spec.tsx'],
  setupFiles: [...preset.setupFiles, '<rootDir>/test/jsdom-globals.js'],
  // d3 ships ES modules only: let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: { '\\.css$': '<rootDir>/test/style-stub.js' },
};
