import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node (no Electron, no DOM).
// Two cores: heavy ONNX tests must not all run at once, so files run in two forks at most.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
