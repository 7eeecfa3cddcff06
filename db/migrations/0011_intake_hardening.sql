CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"target" text NOT NULL,
	"actor_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "rent_payment_imports" DROP CONSTRAINT "rent_payment_imports_file_hash_unique";--> statement-breakpoint
-- Idempotency keys are scoped by kind: an application and an incident report may carry the same client key.
ALTER TABLE "form_submissions" DROP CONSTRAINT "form_submissions_pkey";--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_kind_submission_id_pk" PRIMARY KEY("kind","submission_id");--> statement-breakpoint
ALTER TABLE "form_submissions" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rent_payment_imports" ADD COLUMN "municipality" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "rent_payment_imports_municipality_file_idx" ON "rent_payment_imports" USING btree ("municipality","file_hash");