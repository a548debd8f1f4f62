// Root config: runs every project's tests in one jest process (`npm test`).
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projectParents = ['apps', 'libs', 'libs/drivers'];
const projects = projectParents
  .flatMap((parent) =>
    existsSync(join(__dirname, parent)) ? readdirSync(join(__dirname, parent)).map((name) => `${parent}/${name}`) : [],
  )
  .filter((dir) => existsSync(join(__dirname, dir, 'jest.config.js')))
  .map((dir) => `<rootDir>/${dir}/jest.config.js`);

// testTimeout is a global option: set here, it applies to every project's tests.
module.exports = { projects, maxWorkers: 2, testTimeout: 60_000 };
