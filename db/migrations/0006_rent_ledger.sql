CREATE TABLE "rent_accounts" (
	"case_id" text PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"workflow_id" text NOT NULL,
	"kid" text NOT NULL,
	"monthly_rent_ore" integer NOT NULL,
	"due_day" integer NOT NULL,
	"allowance_assigned" boolean NOT NULL,
	"allowance_withdrawn_from" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_accounts_kid_unique" UNIQUE("kid")
);
--> statement-breakpoint
CREATE TABLE "rent_ladders" (
	"municipality" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_ladders_municipality_version_pk" PRIMARY KEY("municipality","version")
);
--> statement-breakpoint
CREATE TABLE "rent_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"kind" text NOT NULL,
	"amount_ore" integer NOT NULL,
	"date" date NOT NULL,
	"period" text,
	"due_date" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_ledger_dedup_key_unique" UNIQUE("dedup_key")
);
--> statement-breakpoint
CREATE TABLE "rent_payment_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_hash" text NOT NULL,
	"filename" text NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"line_count" integer NOT NULL,
	"applied_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"unmatched" jsonb NOT NULL,
	"cases_touched" jsonb NOT NULL,
	CONSTRAINT "rent_payment_imports_file_hash_unique" UNIQUE("file_hash")
);
--> statement-breakpoint
CREATE INDEX "rent_ledger_case_idx" ON "rent_ledger" USING btree ("case_id","date");