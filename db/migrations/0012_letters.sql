CREATE TABLE "letter_actions" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"letter_id" text NOT NULL,
	"kind" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_profiles" (
	"municipality" text PRIMARY KEY NOT NULL,
	"municipality_name" text NOT NULL,
	"header_lines" jsonb NOT NULL,
	"language" text NOT NULL,
	"appeal_body" text NOT NULL,
	"receipt_business_days" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"municipality" text NOT NULL,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_templates_municipality_kind_language_version_pk" PRIMARY KEY("municipality","kind","language","version")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"letter_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"municipality" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"content" jsonb NOT NULL,
	"header" jsonb NOT NULL,
	"recipient_email" text,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_date" text,
	"tracking_number" text,
	"receipt_date" text,
	"delivered_date" text,
	"returned_date" text,
	"return_reason" text,
	CONSTRAINT "letters_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "letters_case_idx" ON "letters" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "letters_queue_idx" ON "letters" USING btree ("municipality","channel","status");