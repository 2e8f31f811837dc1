/** ESM TypeScript through ts-jest; `npm test` adds --experimental-vm-modules. */
export default {
  testEnvironment: 'node',
  // Servers and diagnostics-channel listeners of one test file can outlive it in a shared worker; do not tear their globals out from under them.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/release-webhook-intakes.ts'],
};
