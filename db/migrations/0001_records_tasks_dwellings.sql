CREATE TABLE "case_records" (
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"record_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_records_case_id_kind_record_key_pk" PRIMARY KEY("case_id","kind","record_key")
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"case_id" text NOT NULL,
	"task_id" text NOT NULL,
	"municipality" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"assignee_id" text,
	"due_date" text NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	CONSTRAINT "case_tasks_case_id_task_id_pk" PRIMARY KEY("case_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "dwellings" (
	"municipality" text NOT NULL,
	"dwelling_id" text NOT NULL,
	"address" text NOT NULL,
	"size_sqm" integer NOT NULL,
	"rooms" integer NOT NULL,
	"floor" integer NOT NULL,
	"accessible" boolean NOT NULL,
	"co_located" boolean NOT NULL,
	"monthly_rent_ore" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dwellings_municipality_dwelling_id_pk" PRIMARY KEY("municipality","dwelling_id")
);
--> statement-breakpoint
CREATE INDEX "case_records_kind_idx" ON "case_records" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "case_tasks_assignee_idx" ON "case_tasks" USING btree ("assignee_id","due_date");--> statement-breakpoint
CREATE INDEX "case_tasks_role_idx" ON "case_tasks" USING btree ("municipality","role","due_date");