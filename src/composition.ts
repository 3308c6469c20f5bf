import { ChangeLog } from './audit/change-log.ts';
import { CertificateWriter } from './certificates/certificate-writer.ts';
import { CertificatesRepository } from './certificates/certificates.repository.ts';
import { LookupService } from './certificates/lookup.service.ts';
import type { AppConfig } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import type { Services } from './services.ts';
import { todayIn } from './shared/dates.ts';

export interface CompositionOptions {
  now?: () => Date;
}

/** The one composition root: opens the database, migrates, and wires every service. */
export function createServices(config: AppConfig, options: CompositionOptions = {}): Services {
  const now = options.now ?? (() => new Date());
  const today = () => todayIn(config.timezone, now());
  const currentYear = () => Number(today().slice(0, 4));
  const database = openDatabase(config.databasePath);
  const certificates = new CertificatesRepository(database.sqlite);
  const writer = new CertificateWriter(database.sqlite);
  const changeLog = new ChangeLog(database.sqlite, now);
  writer.onWrite(changeLog.certificateWriteHook());
  const lookup = new LookupService(certificates, currentYear);
  return {
    config,
    database,
    certificates,
    writer,
    lookup,
    changeLog,
    now,
    today,
    currentYear,
    close: () => database.close(),
  };
}
