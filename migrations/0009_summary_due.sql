ALTER TABLE `certificates` ADD `summary_due` text;--> statement-breakpoint
CREATE INDEX `certificates_summary_due_idx` ON `certificates` (`summary_due`) WHERE summary_due IS NOT NULL;--> statement-breakpoint
-- Written by hand (drizzle cannot express it). Certificates stored before summary_due existed get
-- one when they may hold a document that takes effect after their summary was computed: a dated
-- version, other than the one shown, that starts after the shown dates (a change with a later
-- 生效日期, a later approval), or a certificate document expiring after the shown expiry (a
-- renewal approved before the old expiry). The day set is that version's own start, which is never
-- later than when it takes effect (a renewal may wait for the old expiry), so a summary already
-- stale is due at once and the first refresh recomputes it and sets the exact day. One pass over
-- the covering version index, joined by primary key: about a second on a million certificates.
UPDATE `certificates` SET `summary_due` = pending.day
FROM (
  SELECT v.certificate_id AS id, min(coalesce(v.effective_date, v.approval_date)) AS day
  FROM `certificates` c JOIN `certificate_versions` v ON v.certificate_id = c.id
  WHERE v.document_type <> 'record'
    AND coalesce(v.effective_date, v.approval_date) IS NOT NULL
    AND v.id IS NOT c.current_version_id
    AND (
      coalesce(v.effective_date, v.approval_date) > max(coalesce(c.approval_date, ''), coalesce(c.effective_date, ''))
      OR (v.document_type IN ('registration', 'renewal') AND v.expiry_date > coalesce(c.expiry_date, ''))
    )
  GROUP BY v.certificate_id
) AS pending
WHERE `certificates`.`id` = pending.id;
