// Run by concurrent-writers.test.ts, two at a time on one database file: each stores many small
// batches through the real writer, whose transactions read what they then write.

import { testConfig } from '../../src/config/config.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import { createServices } from '../../src/services.ts';

const [databasePath, year, batches] = process.argv.slice(2);
if (!databasePath || !year || !batches) throw new Error('usage: writer-child <db> <year> <batches>');
const services = createServices(testConfig({ databasePath }));
for (let batch = 0; batch < Number(batches); batch++) {
  const inputs = [0, 1, 2].map((i) => {
    const asIssued = `粤械注准${year}2${String(1 + i).padStart(2, '0')}${String(batch + 1).padStart(4, '0')}`;
    return {
      number: normalise(asIssued, { currentYear: 2026 }).numbers[0]!,
      asIssued,
      documentType: 'registration' as const,
      approvalDate: '2020-05-01',
      expiryDate: '2030-04-30',
      productName: `产品${batch}`,
      holder: '某公司',
      provenance: { source: 'test', sourceRef: `child-${year}`, sourceRow: batch + 1, fetchedAt: '2026-11-01T00:00:00.000Z' },
    };
  });
  services.writer.write(inputs, '2026-11-25');
}
services.close();
process.stdout.write('done\n');
