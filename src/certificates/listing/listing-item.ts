import type { Family, ManagementClass } from '../../numbers/number.types.ts';
import { certificateStatus } from '../certificate-status.ts';
import type { ListingRow } from './listing.repository.ts';
import type { ListingItem } from './listing.schemas.ts';

/** A stored certificate's summary columns as the listing shows them, its status on `today`. */
export function listingItem(row: ListingRow, today: string): ListingItem {
  const datesKnown = row.datesKnown === 1;
  return {
    canonical: row.canonical,
    number: {
      family: row.family as Family,
      authority: row.authority,
      class: row.managementClass as ManagementClass,
      year: row.year,
    },
    status: certificateStatus(row.family, row.expiryDate, today),
    datesKnown,
    current: {
      productName: row.productName,
      holder: row.holder,
      approvalDate: row.approvalDate,
      effectiveDate: row.effectiveDate,
      expiryDate: row.expiryDate,
      // As the lookup shows it: without a dated document nothing is in effect (the stored id is then the newest record).
      versionId: datesKnown ? row.currentVersionId : null,
    },
    updatedAt: row.updatedAt,
  };
}
