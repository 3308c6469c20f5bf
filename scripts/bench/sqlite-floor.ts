import type Database from 'better-sqlite3';
import { contentHash } from '../../src/certificates/content-hash.ts';
import type { VersionInput } from '../../src/certificates/version-input.ts';
import { recodeKey } from '../../src/numbers/recode-key.ts';

/**
 * What SQLite alone costs to store already-validated rows in our schema, with our indexes and
 * batch size: one lookup by match key, a certificate insert when new, a version insert, positional
 * statements, content hashes and re-coding keys worked out beforehand, no hooks. Every real import pays at least
 * this; the gap between it and the importer is what our code adds.
 */
export function storeBare(sqlite: Database.Database, inputs: readonly VersionInput[], batchSize: number): number {
  const hashes = inputs.map(contentHash);
  const recodeKeys = inputs.map((input) => recodeKey(input.number));
  const findId = sqlite.prepare('SELECT id FROM certificates WHERE match_key = ?').pluck();
  const insertCertificate = sqlite.prepare(`
    INSERT INTO certificates (canonical, match_key, recode_key, family, authority, city, form, origin, year,
      management_class, code, serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertVersion = sqlite.prepare(`
    INSERT INTO certificate_versions (certificate_id, document_type, as_issued, approval_date, effective_date,
      expiry_date, product_name, holder, holder_address, production_address, agent_name, agent_address,
      model_spec, structure, scope, approval_department, change_description, remarks, source, source_ref,
      source_row, fetched_at, import_run_id, content_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
    ON CONFLICT (certificate_id, content_hash) DO NOTHING`);
  const store = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const v = inputs[i]!;
      const n = v.number;
      let id = findId.get(n.matchKey) as number | undefined;
      if (id === undefined) {
        id = Number(
          insertCertificate.run(
            n.canonical,
            n.matchKey,
            recodeKeys[i],
            n.family,
            n.authority,
            n.city,
            n.form,
            n.origin,
            n.year,
            n.class,
            n.code,
            n.serial,
          ).lastInsertRowid,
        );
      }
      insertVersion.run(
        id,
        v.documentType,
        v.asIssued,
        v.approvalDate ?? null,
        v.effectiveDate ?? null,
        v.expiryDate ?? null,
        v.productName ?? null,
        v.holder ?? null,
        v.holderAddress ?? null,
        v.productionAddress ?? null,
        v.agentName ?? null,
        v.agentAddress ?? null,
        v.modelSpec ?? null,
        v.structure ?? null,
        v.scope ?? null,
        v.approvalDepartment ?? null,
        v.changeDescription ?? null,
        v.remarks ?? null,
        v.provenance.source,
        v.provenance.sourceRef ?? null,
        v.provenance.sourceRow ?? null,
        v.provenance.fetchedAt,
        hashes[i],
      );
    }
  });
  const started = performance.now();
  for (let from = 0; from < inputs.length; from += batchSize) store(from, Math.min(inputs.length, from + batchSize));
  return (performance.now() - started) / 1000;
}
