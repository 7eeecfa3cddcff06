CREATE TABLE "agreement_templates" (
	"municipality" text NOT NULL,
	"version" integer NOT NULL,
	"template" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_templates_municipality_version_pk" PRIMARY KEY("municipality","version")
);
