import { issues, type RowIssue } from '../rows/row-issues.ts';
import { type RowContext, validateRow } from '../rows/row-validator.ts';
import type { OpenedTable, TableItem } from '../rows/table-reader.ts';
import type { BatchSource } from './batch-source.ts';
import { BatchBuilder, type ReadBatch } from './read-batch.ts';

/** Validates a table's rows and cuts them into batches; runs in a reader worker, or in this thread. */
export class BatchReader implements BatchSource {
  private last: number | null = null;

  constructor(
    private readonly table: OpenedTable,
    private readonly batchSize: number,
    private readonly bytesRead: () => number,
  ) {}

  get headerRow(): number | null {
    return this.table.headerRow;
  }

  get ignoredColumns(): readonly string[] {
    return this.table.ignoredColumns;
  }

  get lastRow(): number | null {
    return this.last;
  }

  async *batches(context: RowContext): AsyncGenerator<ReadBatch> {
    const builder = new BatchBuilder();
    let rowsRead = 0;
    for await (const item of this.table.items) {
      rowsRead++;
      this.take(item, builder, context);
      if (builder.size >= this.batchSize) yield builder.take(rowsRead, this.bytesRead());
    }
    yield builder.take(rowsRead, this.bytesRead());
  }

  async close(): Promise<void> {
    await this.table.items.return(undefined);
  }

  private take(item: TableItem, builder: BatchBuilder, context: RowContext): void {
    if (item.kind === 'unreadable') {
      this.last = item.row;
      const rejection: RowIssue = { row: item.row, column: null, severity: 'rejected', value: null, ...issues.invalidJson(item.detail) };
      builder.reject([rejection]);
      return;
    }
    this.last = item.source.row;
    const outcome = validateRow(item.source, context);
    if (outcome.kind === 'hint') builder.skipHint();
    else if (outcome.kind === 'rejected') builder.reject(outcome.issues);
    else if (outcome.kind === 'accepted') builder.accept(outcome.input, outcome.warnings);
  }
}
