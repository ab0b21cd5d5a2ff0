-- migrate:up
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n bigserial);

-- migrate:down
DROP TABLE tokens;
ALTER TABLE users DROP COLUMN seen_at, DROP COLUMN active;
