ALTER TABLE "tenancies" ADD COLUMN "payment_wakes" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Cases written before the column existed: the rule of domain/tenancy/payment-wake.ts over their
-- snapshot (test/api/payment-wake.test.ts holds the two together). A key the snapshot lacks reads as
-- SQL null: coalesce makes it what the rule makes of an absent field.
UPDATE "tenancies" SET "payment_wakes" = coalesce((
  "status" = 'active' AND "phase" = 'follow_up' AND jsonb_typeof("snapshot" -> 'rent') = 'object' AND (
    jsonb_typeof("snapshot" -> 'rent' -> 'episode') = 'object'
    OR (jsonb_typeof("snapshot" -> 'rent' -> 'allowanceAwaited') = 'array' AND jsonb_array_length("snapshot" -> 'rent' -> 'allowanceAwaited') > 0)
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof("snapshot" -> 'tasks') = 'array' THEN "snapshot" -> 'tasks' ELSE '[]'::jsonb END) AS t(task) WHERE t.task ->> 'id' LIKE 'allowance-missing-%')
  )
), false);
