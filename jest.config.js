/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking runs once in `npm run typecheck`; jest only transpiles, which keeps the
  // large generated imports/ from being type-checked per test file.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // One temporary folder per run (TMPDIR), removed at the end: nothing is left in the system temp folder.
  globalSetup: '<rootDir>/test/support/jest-temp-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-temp-teardown.ts',
};
