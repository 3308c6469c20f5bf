import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import Database from 'better-sqlite3';

/** Lines handed to gzip at a time: one string per line would cost a stream round trip each. */
const LINES_PER_CHUNK = 500;

interface JoinedRow {
  certificateId: number;
  canonical: string;
  family: string;
  authority: string;
  productName: string | null;
  holder: string | null;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  versionJson: string;
}

/**
 * Writes one line per certificate, its summary and every version with provenance and the old
 * numbers it replaced, gzipped, reading the bundle's own SQLite copy (so both files hold the same
 * snapshot). Lines are produced as the gzip stream asks for them: memory stays flat however large.
 */
export async function writeCertificatesJsonl(bundleSqlite: string, target: string): Promise<number> {
  const db = new Database(bundleSqlite, { readonly: true });
  try {
    const links = new Map<number, string[]>();
    for (const link of db
      .prepare<[], { to: number; from: string }>(
        'SELECT to_certificate_id AS "to", from_canonical AS "from" FROM certificate_links ORDER BY id',
      )
      .iterate()) {
      const list = links.get(link.to) ?? [];
      list.push(link.from);
      links.set(link.to, list);
    }
    const rows = db
      .prepare<[], JoinedRow>(`
        SELECT c.id AS certificateId, c.canonical, c.family, c.authority, c.product_name AS productName, c.holder,
          c.approval_date AS approvalDate, c.effective_date AS effectiveDate, c.expiry_date AS expiryDate,
          json_object('id', v.id, 'documentType', v.document_type, 'asIssued', v.as_issued,
            'approvalDate', v.approval_date, 'effectiveDate', v.effective_date, 'expiryDate', v.expiry_date,
            'productName', v.product_name, 'holder', v.holder, 'holderAddress', v.holder_address,
            'productionAddress', v.production_address, 'agentName', v.agent_name, 'agentAddress', v.agent_address,
            'modelSpec', v.model_spec, 'structure', v.structure, 'scope', v.scope,
            'approvalDepartment', v.approval_department, 'changeDescription', v.change_description, 'remarks', v.remarks,
            'provenance', json_object('source', v.source, 'sourceRef', v.source_ref, 'sourceRow', v.source_row, 'fetchedAt', v.fetched_at)
          ) AS versionJson
        FROM certificates c JOIN certificate_versions v ON v.certificate_id = c.id
        ORDER BY c.id, v.id`)
      .iterate();
    let lines = 0;
    await pipeline(Readable.from(chunked(certificateLines(rows, links, () => lines++))), createGzip(), fs.createWriteStream(target));
    return lines;
  } finally {
    db.close();
  }
}

/** Groups the joined rows (ordered by certificate) into one JSON line per certificate. */
function* certificateLines(rows: Iterable<JoinedRow>, links: Map<number, string[]>, counted: () => void): Generator<string> {
  let current: JoinedRow | null = null;
  let versions: string[] = [];
  const line = (row: JoinedRow) => {
    const { certificateId, versionJson: _version, ...summary } = row;
    counted();
    // The versions are already JSON text from SQLite: spliced in, not parsed and written again.
    const head = JSON.stringify({ ...summary, replaces: links.get(certificateId) ?? [] });
    return `${head.slice(0, -1)},"versions":[${versions.join(',')}]}\n`;
  };
  for (const row of rows) {
    if (current !== null && row.certificateId !== current.certificateId) {
      yield line(current);
      versions = [];
    }
    current = row;
    versions.push(row.versionJson);
  }
  if (current !== null) yield line(current);
}

function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === LINES_PER_CHUNK) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}
