-- migrate:up
SET SESSION lock_wait_timeout = 5;
RENAME TABLE orgs TO organisations;

-- migrate:down
RENAME TABLE organisations TO orgs;
