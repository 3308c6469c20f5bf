// Run by import-crash.test.ts in its own process, which the test kills with SIGKILL mid-import.

import { testConfig } from '../../src/config/config.ts';
import { importerFor } from '../../src/imports/importer.ts';
import { createServices } from '../../src/services.ts';

const [databasePath, file, batchSize, readInWorker] = process.argv.slice(2);
if (!databasePath || !file || !batchSize || !readInWorker)
  throw new Error('usage: crash-child <db> <file> <batch size> <read in worker: true|false>');
const services = createServices(testConfig({ databasePath }));
await importerFor(services, { batchSize: Number(batchSize), readInWorker: readInWorker === 'true' }).importFile({
  path: file,
  fileName: 'crash.csv',
  onProgress: (progress) => process.stdout.write(`committed ${progress.counts.total}\n`),
});
process.stdout.write('done\n');
