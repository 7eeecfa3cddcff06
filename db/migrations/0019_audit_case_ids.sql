ALTER TABLE "audit_log" ADD COLUMN "case_ids" text[];--> statement-breakpoint
CREATE INDEX "audit_log_case_ids_idx" ON "audit_log" USING gin ("case_ids");