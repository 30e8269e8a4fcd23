import type { Migration } from '#libs/db';

export const projectionMigrations: Migration[] = [
  {
    name: '0100-projection-state',
    async up(sql) {
      await sql.exec(`
        CREATE TABLE projection_state (
          name text PRIMARY KEY,            -- projection name, or '<name>__next' while it is rebuilt
          version integer NOT NULL,
          checkpoint_major numeric(20, 0) NOT NULL DEFAULT 0,
          checkpoint_minor numeric(20, 0) NOT NULL DEFAULT 0,
          position bigint NOT NULL DEFAULT 0, -- global position of the last event passed
          events_applied bigint NOT NULL DEFAULT 0,
          updated_at timestamptz NOT NULL DEFAULT now()
        );`);
    },
  },
];
