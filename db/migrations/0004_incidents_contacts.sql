CREATE TABLE "incidents" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"situation" text NOT NULL,
	"status" text NOT NULL,
	"agreement_version" integer,
	"escalations" integer DEFAULT 0 NOT NULL,
	"state_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_contacts" (
	"municipality" text NOT NULL,
	"role" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	CONSTRAINT "notification_contacts_municipality_role_pk" PRIMARY KEY("municipality","role")
);
--> statement-breakpoint
ALTER TABLE "case_tasks" ADD COLUMN "source" text DEFAULT 'tenancy' NOT NULL;--> statement-breakpoint
CREATE INDEX "incidents_case_idx" ON "incidents" USING btree ("case_id","reported_at");