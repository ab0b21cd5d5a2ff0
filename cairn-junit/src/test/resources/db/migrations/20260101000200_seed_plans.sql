-- Rows, so that a copy can be seen to carry data as well as the schema.
-- migrate:up
INSERT INTO plans (code, seats) VALUES ('free', 1);
INSERT INTO plans (code, seats) VALUES ('team', 10);

-- migrate:down
DELETE FROM plans;
