-- migrate:up transaction:false
VACUUM FULL users;
CLUSTER users USING users_pkey;

-- migrate:down
