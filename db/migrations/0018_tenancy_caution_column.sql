ALTER TABLE "tenancies" ADD COLUMN "caution" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Cases written before the column existed: the flag as their snapshot holds it.
UPDATE "tenancies" SET "caution" = true WHERE "snapshot" -> 'cautionFlag' IS NOT NULL;
