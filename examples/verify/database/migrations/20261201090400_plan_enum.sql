-- migrate:up
CREATE TYPE plan_kind AS ENUM ('free', 'team');

-- migrate:down
DROP TYPE plan_kind;
