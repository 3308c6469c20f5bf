import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { mirroredLinkSchema, mirroredVersionSchema } from './changes.schemas.ts';

type MirroredVersion = z.output<typeof mirroredVersionSchema>;
type MirroredLink = z.output<typeof mirroredLinkSchema>;

interface VersionRowWithOwner extends Omit<MirroredVersion, 'provenance'> {
  certificateId: number;
  source: string;
  sourceRef: string | null;
  sourceRow: number | null;
  fetchedAt: string;
}

/** What a certificate change added, in full, for a mirror that stores it again (`include=versions`). */
export interface ChangeContents {
  versions: MirroredVersion[];
  replaces: MirroredLink[];
}

/**
 * Reads the versions a page of certificate changes names, and the old numbers each certificate
 * replaced. Versions are never updated, so what is read now is what was written then.
 */
export class ChangeVersions {
  private readonly byIds: Database.Statement<[string], VersionRowWithOwner>;
  private readonly linksTo: Database.Statement<[number], MirroredLink>;

  constructor(sqlite: Database.Database) {
    this.byIds = sqlite.prepare(`
      SELECT id, certificate_id AS certificateId, document_type AS documentType, as_issued AS asIssued,
        approval_date AS approvalDate, effective_date AS effectiveDate, expiry_date AS expiryDate,
        product_name AS productName, holder, holder_address AS holderAddress, production_address AS productionAddress,
        agent_name AS agentName, agent_address AS agentAddress, model_spec AS modelSpec, structure, scope,
        approval_department AS approvalDepartment, change_description AS changeDescription, remarks,
        source, source_ref AS sourceRef, source_row AS sourceRow, fetched_at AS fetchedAt
      FROM certificate_versions WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
    this.linksTo = sqlite.prepare(
      'SELECT from_canonical AS canonical, source FROM certificate_links WHERE to_certificate_id = ? ORDER BY id',
    );
  }

  /** One entry per list of version ids asked for, in the order asked. */
  contentsOf(versionIdLists: readonly (readonly number[])[]): ChangeContents[] {
    const rows = this.byIds.all(JSON.stringify(versionIdLists.flat()));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const links = new Map<number, MirroredLink[]>();
    return versionIdLists.map((ids) => {
      const found = ids.flatMap((id) => byId.get(id) ?? []);
      const owner = found[0]?.certificateId;
      let replaces: MirroredLink[] = [];
      if (owner !== undefined) {
        replaces = links.get(owner) ?? this.linksTo.all(owner);
        links.set(owner, replaces);
      }
      return {
        versions: found.map(({ certificateId: _owner, source, sourceRef, sourceRow, fetchedAt, ...fields }) => ({
          ...fields,
          provenance: { source, sourceRef, sourceRow, fetchedAt },
        })),
        replaces,
      };
    });
  }
}
