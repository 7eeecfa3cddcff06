CREATE TABLE "committee_decisions" (
	"committee_id" text NOT NULL,
	"meeting_id" text NOT NULL,
	"item_id" text NOT NULL,
	"case_id" text,
	"text" text NOT NULL,
	"responsible_member_id" text,
	"deadline" date,
	"effect_kind" text,
	"delivered_at" timestamp with time zone,
	"delivery_error" text,
	"done_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_decisions_committee_id_meeting_id_item_id_pk" PRIMARY KEY("committee_id","meeting_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"committee_id" text NOT NULL,
	"meeting_id" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_meetings_committee_id_meeting_id_pk" PRIMARY KEY("committee_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"committee_id" text NOT NULL,
	"member_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"agency" text NOT NULL,
	"role" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"name" text NOT NULL,
	"cycle" jsonb NOT NULL,
	"reminder_days_before" integer DEFAULT 3 NOT NULL,
	"agenda_cutoff_days" integer DEFAULT 2 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "committee_decisions_case_idx" ON "committee_decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "committee_meetings_date_idx" ON "committee_meetings" USING btree ("committee_id","date");--> statement-breakpoint
CREATE INDEX "committee_members_committee_idx" ON "committee_members" USING btree ("committee_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_current_idx" ON "committee_members" USING btree ("committee_id","member_id") WHERE "committee_members"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "committees_municipality_idx" ON "committees" USING btree ("municipality");