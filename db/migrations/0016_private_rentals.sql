CREATE TABLE "private_rentals" (
	"workflow_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"municipality" text NOT NULL,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"caseworker_id" text,
	"follow_up_worker_id" text,
	"next_deadline" text,
	"referred_date" text NOT NULL,
	"move_in_date" text,
	"state_version" integer DEFAULT 0 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "private_rentals_case_idx" ON "private_rentals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "private_rentals_municipality_idx" ON "private_rentals" USING btree ("municipality","status",coalesce("next_deadline", '9999-12-31'));