// Run by temp-files.test.ts in its own process, which the test kills with SIGKILL while an upload
// is being spooled: the stream sends a header and then never ends.

import { Readable } from 'node:stream';
import { testConfig } from '../../src/config/config.ts';
import { importerFor } from '../../src/imports/importer.ts';
import { createServices } from '../../src/services.ts';
import { tempRoot } from '../../src/shared/temp-files.ts';

const services = createServices(testConfig());
let sent = false;
const endless = new Readable({
  read() {
    if (sent) return;
    sent = true;
    this.push(Buffer.from('注册证编号,产品名称,注册人名称,批准日期\r\n'));
    // Once the chunk is on disk, the test may kill this process; the timer keeps it waiting for that.
    setTimeout(() => process.stdout.write(`spooling ${tempRoot()}\n`), 200);
    setInterval(() => {}, 60_000);
  },
});
await importerFor(services).importFile({ stream: endless, fileName: 'never-ends.csv' });
