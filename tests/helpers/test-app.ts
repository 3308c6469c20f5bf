import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { VersionInput } from '../../src/certificates/version-input.ts';
import { type AppConfig, testConfig } from '../../src/config/config.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

/**
 * A real app on a migrated `:memory:` database, with the clock fixed to a given day in Shanghai, or
 * following `now` for tests that move it.
 */
export async function buildTestApp(options: { today?: string; now?: () => Date; config?: Partial<AppConfig> } = {}): Promise<TestContext> {
  const fixed = new Date(`${options.today ?? '2026-11-25'}T04:00:00Z`);
  const services = createServices(testConfig(options.config), { now: options.now ?? (() => fixed) });
  const app = await buildApp(services);
  return {
    app,
    services,
    close: async () => {
      await app.close();
      services.close();
    },
  };
}

type DocumentSpec = Omit<VersionInput, 'number' | 'asIssued' | 'provenance'> & { number: string };

/** Stores documents through the real write path, as an import would. */
export function storeDocuments(services: Services, documents: DocumentSpec[]): void {
  const inputs = documents.map(({ number, ...fields }, index): VersionInput => {
    const parsed = normalise(number, { currentYear: 2026 }).numbers[0];
    if (!parsed) throw new Error(`test data: ${number} is not a valid number`);
    return {
      ...fields,
      number: parsed,
      asIssued: number,
      provenance: { source: 'test', sourceRef: 'tests', sourceRow: index + 1, fetchedAt: '2026-11-01T00:00:00.000Z' },
    };
  });
  services.writer.write(inputs, services.today());
}
