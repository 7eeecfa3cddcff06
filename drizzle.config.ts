import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema.ts', './db/schema-notifications.ts', './db/schema-rent.ts', './db/schema-committee.ts', './db/schema-access.ts', './db/schema-auth.ts', './db/schema-letters.ts', './db/schema-private-rental.ts'],
  out: './db/migrations',
});
