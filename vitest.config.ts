import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'lib/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
    globals: true,
  },
});
