-- PostgreSQL cannot remove a value from an enum, so this down cannot undo its up.
-- migrate:up
ALTER TYPE plan_kind ADD VALUE 'enterprise';

-- migrate:down
SELECT 1;
