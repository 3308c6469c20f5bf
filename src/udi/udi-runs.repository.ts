import type Database from 'better-sqlite3';
import type { udiRuns } from './udi.table.ts';

export type UdiRunStatus = 'running' | 'completed' | 'failed';

export type UdiRunCounts = Pick<
  typeof udiRuns.$inferSelect,
  | 'devicesRead'
  | 'devicesAdded'
  | 'devicesUpdated'
  | 'devicesUnchanged'
  | 'devicesStale'
  | 'devicesRejected'
  | 'versionsAdded'
  | 'certificatesCreated'
>;

export interface UdiRejection {
  /** Which document and which device in it (1-based). */
  entry: string;
  device: number;
  recordKey: string | null;
  reason: string;
  value: string | null;
}

export interface UdiRunDetails {
  entries: { name: string; declared: number | null; read: number }[];
  repairs: { controlCharactersDropped: number; ampersandsEscaped: number; invalidReferencesDropped: number };
  rejectionsByReason: Record<string, number>;
  /** The first rejections, enough to see what went wrong without storing millions of rows. */
  rejections: UdiRejection[];
}

/** A run as stored, its status narrowed and its JSON details parsed. */
export type UdiRun = Omit<typeof udiRuns.$inferSelect, 'status' | 'details'> & { status: UdiRunStatus; details: UdiRunDetails | null };

export const EMPTY_UDI_COUNTS: UdiRunCounts = {
  devicesRead: 0,
  devicesAdded: 0,
  devicesUpdated: 0,
  devicesUnchanged: 0,
  devicesStale: 0,
  devicesRejected: 0,
  versionsAdded: 0,
  certificatesCreated: 0,
};

const RUN_COLUMNS = `id, file_name AS fileName, sha256, size_bytes AS sizeBytes, trigger, status, started_at AS startedAt,
  finished_at AS finishedAt, declared_devices AS declaredDevices, devices_read AS devicesRead,
  devices_added AS devicesAdded, devices_updated AS devicesUpdated, devices_unchanged AS devicesUnchanged,
  devices_stale AS devicesStale, devices_rejected AS devicesRejected, versions_added AS versionsAdded,
  certificates_created AS certificatesCreated, details, error`;

type RunRow = Omit<UdiRun, 'details'> & { details: string | null };

/** udi_runs: one row per imported file, its counts kept current batch by batch. */
export class UdiRunsRepository {
  private readonly insertRun: Database.Statement;
  private readonly addCountsStatement: Database.Statement;
  private readonly finishStatement: Database.Statement;
  private readonly byId: Database.Statement<[number], RunRow>;
  private readonly completedBySha: Database.Statement<[string], { id: number }>;
  private readonly completedByName: Database.Statement<[string, number], { id: number }>;
  private readonly latestStatement: Database.Statement<[number], RunRow>;

  constructor(sqlite: Database.Database) {
    this.insertRun = sqlite.prepare(`
      INSERT INTO udi_runs (file_name, sha256, size_bytes, trigger, status, started_at)
      VALUES (@fileName, @sha256, @sizeBytes, @trigger, 'running', @startedAt)`);
    this.addCountsStatement = sqlite.prepare(`
      UPDATE udi_runs SET devices_read = devices_read + @devicesRead, devices_added = devices_added + @devicesAdded,
        devices_updated = devices_updated + @devicesUpdated, devices_unchanged = devices_unchanged + @devicesUnchanged,
        devices_stale = devices_stale + @devicesStale, devices_rejected = devices_rejected + @devicesRejected,
        versions_added = versions_added + @versionsAdded, certificates_created = certificates_created + @certificatesCreated
      WHERE id = @id`);
    this.finishStatement = sqlite.prepare(`
      UPDATE udi_runs SET status = @status, finished_at = @finishedAt, declared_devices = @declaredDevices,
        details = @details, error = @error WHERE id = @id`);
    this.byId = sqlite.prepare(`SELECT ${RUN_COLUMNS} FROM udi_runs WHERE id = ?`);
    this.completedBySha = sqlite.prepare("SELECT id FROM udi_runs WHERE sha256 = ? AND status = 'completed' LIMIT 1");
    this.completedByName = sqlite.prepare(
      "SELECT id FROM udi_runs WHERE file_name = ? AND size_bytes = ? AND status = 'completed' LIMIT 1",
    );
    this.latestStatement = sqlite.prepare(`SELECT ${RUN_COLUMNS} FROM udi_runs ORDER BY id DESC LIMIT ?`);
  }

  create(run: Pick<typeof udiRuns.$inferInsert, 'fileName' | 'sha256' | 'sizeBytes' | 'trigger' | 'startedAt'>): number {
    return Number(this.insertRun.run(run).lastInsertRowid);
  }

  /** Called inside the batch's transaction, so the counts always match what was committed. */
  addCounts(id: number, counts: UdiRunCounts): void {
    this.addCountsStatement.run({ id, ...counts });
  }

  finish(
    id: number,
    outcome: {
      status: Exclude<UdiRunStatus, 'running'>;
      finishedAt: string;
      declaredDevices: number | null;
      details: UdiRunDetails;
      error?: string;
    },
  ): void {
    this.finishStatement.run({
      id,
      status: outcome.status,
      finishedAt: outcome.finishedAt,
      declaredDevices: outcome.declaredDevices,
      details: JSON.stringify(outcome.details),
      error: outcome.error ?? null,
    });
  }

  get(id: number): UdiRun | null {
    const row = this.byId.get(id);
    return row ? toRun(row) : null;
  }

  /** True when this exact file was already imported completely: the incremental job skips it. */
  alreadyImported(sha256: string): boolean {
    return this.completedBySha.get(sha256) !== undefined;
  }

  /**
   * Cheap first check for a directory of daily files: same name and size as a completed import.
   * Saves hashing every file of the directory on every run; the hash still decides for the rest.
   */
  probablyImported(fileName: string, sizeBytes: number): boolean {
    return this.completedByName.get(fileName, sizeBytes) !== undefined;
  }

  latest(limit: number): UdiRun[] {
    return this.latestStatement.all(limit).map(toRun);
  }
}

function toRun(row: RunRow): UdiRun {
  return { ...row, details: row.details === null ? null : (JSON.parse(row.details) as UdiRunDetails) };
}
