import { afterAll, beforeAll } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from './environment.js';
import { startHarness, type Harness } from './tether-harness.js';

/**
 * One running Tether for the tests of a describe block (or file): a fresh database and Redis prefix, started before
 * them and removed after. Returns a getter, since the harness exists only once the tests run.
 */
export function harnessForSuite(options: () => Parameters<typeof startHarness>[1] = () => ({})): () => Harness {
  let env: TestEnvironment | undefined;
  let harness: Harness | undefined;
  beforeAll(async () => {
    env = await createTestEnvironment();
    harness = await startHarness(env.config, options());
  });
  afterAll(async () => {
    await harness?.tether.close();
    await env?.cleanup();
  });
  return () => {
    if (!harness) throw new Error('the harness starts before the tests');
    return harness;
  };
}
