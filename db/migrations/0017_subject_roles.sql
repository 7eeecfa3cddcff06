CREATE TABLE "subject_role_mappings" (
	"municipality" text NOT NULL,
	"subject" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_role_mappings_municipality_subject_role_pk" PRIMARY KEY("municipality","subject","role")
);
--> statement-breakpoint
CREATE INDEX "subject_role_mappings_subject_idx" ON "subject_role_mappings" USING btree ("subject");