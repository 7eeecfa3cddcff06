CREATE TABLE "co_located_unit_dwellings" (
	"municipality" text NOT NULL,
	"dwelling_id" text NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "co_located_unit_dwellings_municipality_dwelling_id_pk" PRIMARY KEY("municipality","dwelling_id")
);
--> statement-breakpoint
CREATE TABLE "co_located_unit_staff" (
	"municipality" text NOT NULL,
	"unit_id" text NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "co_located_unit_staff_municipality_unit_id_actor_id_pk" PRIMARY KEY("municipality","unit_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "co_located_units" (
	"municipality" text NOT NULL,
	"unit_id" text NOT NULL,
	"name" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_located_units_municipality_unit_id_pk" PRIMARY KEY("municipality","unit_id")
);
--> statement-breakpoint
ALTER TABLE "tenancies" ADD COLUMN "dwelling_id" text;--> statement-breakpoint
CREATE INDEX "co_located_unit_dwellings_unit_idx" ON "co_located_unit_dwellings" USING btree ("municipality","unit_id");--> statement-breakpoint
CREATE INDEX "co_located_unit_staff_actor_idx" ON "co_located_unit_staff" USING btree ("municipality","actor_id");--> statement-breakpoint
CREATE INDEX "tenancies_dwelling_idx" ON "tenancies" USING btree ("municipality","dwelling_id");--> statement-breakpoint
-- Cases written before this migration: their dwelling from the stored snapshot (the current lease's,
-- else the last accepted offer's), as domain/co-located.ts derives it for new snapshots.
UPDATE "tenancies" SET "dwelling_id" = COALESCE(
  (SELECT l->>'dwellingId' FROM jsonb_array_elements(CASE WHEN jsonb_typeof("snapshot"->'leases') = 'array' THEN "snapshot"->'leases' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(l, n) ORDER BY n DESC LIMIT 1),
  (SELECT o->'dwelling'->>'id' FROM jsonb_array_elements(CASE WHEN jsonb_typeof("snapshot"->'offers') = 'array' THEN "snapshot"->'offers' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(o, n) WHERE o->>'answer' = 'accepted' ORDER BY n DESC LIMIT 1)
);
