ALTER TABLE "dwellings" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "dwellings" ADD COLUMN "ownership" text;