CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_roles" text NOT NULL,
	"action" text NOT NULL,
	"route" text NOT NULL,
	"case_id" text,
	"outcome" integer NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"summary" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"submission_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"case_id" text NOT NULL,
	"municipality" text NOT NULL,
	"submitted_by" text NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tenancies" (
	"case_id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"municipality" text NOT NULL,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"applicant_name" text NOT NULL,
	"housing_officer_id" text,
	"follow_up_worker_id" text,
	"next_deadline" text,
	"closed_reason" text,
	"state_version" integer DEFAULT 0 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenancies_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_dedup_idx" ON "case_events" USING btree ("dedup_key");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "form_submissions_pending_idx" ON "form_submissions" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "tenancies_municipality_phase_idx" ON "tenancies" USING btree ("municipality","phase");--> statement-breakpoint
CREATE INDEX "tenancies_follow_up_worker_idx" ON "tenancies" USING btree ("follow_up_worker_id");