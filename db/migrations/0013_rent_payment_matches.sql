CREATE TABLE "rent_payment_matches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" bigint NOT NULL,
	"transaction_id" text NOT NULL,
	"case_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"reason" text NOT NULL,
	"matched_by" text NOT NULL,
	"matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rent_payment_matches_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "rent_payment_matches_payment_uq" UNIQUE("import_id","transaction_id")
);
