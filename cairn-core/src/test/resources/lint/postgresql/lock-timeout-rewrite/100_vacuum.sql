-- migrate:up transaction:false
VACUUM FULL users;

-- migrate:down transaction:false
