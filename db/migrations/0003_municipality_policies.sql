CREATE TABLE "municipality_policies" (
	"municipality" text PRIMARY KEY NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
