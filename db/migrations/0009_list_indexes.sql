DROP INDEX "case_tasks_assignee_idx";--> statement-breakpoint
DROP INDEX "case_tasks_role_idx";--> statement-breakpoint
DROP INDEX "tenancies_municipality_phase_idx";--> statement-breakpoint
DROP INDEX "tenancies_follow_up_worker_idx";--> statement-breakpoint
CREATE INDEX "case_tasks_municipality_due_idx" ON "case_tasks" USING btree ("municipality","due_date","case_id","task_id");--> statement-breakpoint
CREATE INDEX "tenancies_municipality_deadline_idx" ON "tenancies" USING btree ("municipality",coalesce("next_deadline", '9999-12-31'),"case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_assignee_idx" ON "case_tasks" USING btree ("assignee_id","due_date","case_id","task_id");--> statement-breakpoint
CREATE INDEX "case_tasks_role_idx" ON "case_tasks" USING btree ("municipality","role","due_date","case_id","task_id");--> statement-breakpoint
CREATE INDEX "tenancies_municipality_phase_idx" ON "tenancies" USING btree ("municipality","phase",coalesce("next_deadline", '9999-12-31'),"case_id");--> statement-breakpoint
CREATE INDEX "tenancies_follow_up_worker_idx" ON "tenancies" USING btree ("follow_up_worker_id",coalesce("next_deadline", '9999-12-31'),"case_id");