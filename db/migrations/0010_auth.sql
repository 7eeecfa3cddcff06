CREATE TABLE "auth_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"roles" text[] NOT NULL,
	"municipality" text NOT NULL,
	"csrf_token" text NOT NULL,
	"id_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "case_delegation_uses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delegation_id" bigint NOT NULL,
	"case_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"route" text NOT NULL,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_delegations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"municipality" text NOT NULL,
	"grantee_id" text NOT NULL,
	"granted_by" text NOT NULL,
	"reason" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"valid_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "case_delegations_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "group_role_mappings" (
	"municipality" text NOT NULL,
	"group_id" text NOT NULL,
	"role" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_role_mappings_municipality_group_id_role_pk" PRIMARY KEY("municipality","group_id","role")
);
--> statement-breakpoint
CREATE TABLE "staff_directory" (
	"subject" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"municipality" text NOT NULL,
	"roles" text[] NOT NULL,
	"last_login_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_sessions_subject_idx" ON "auth_sessions" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "auth_sessions_expires_idx" ON "auth_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "case_delegation_uses_delegation_idx" ON "case_delegation_uses" USING btree ("delegation_id","at");--> statement-breakpoint
CREATE INDEX "case_delegations_grantee_case_idx" ON "case_delegations" USING btree ("grantee_id","case_id");--> statement-breakpoint
CREATE INDEX "case_delegations_case_idx" ON "case_delegations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "group_role_mappings_group_idx" ON "group_role_mappings" USING btree ("group_id");