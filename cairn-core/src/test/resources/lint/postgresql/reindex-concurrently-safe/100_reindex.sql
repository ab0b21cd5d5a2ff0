-- migrate:up transaction:false
REINDEX TABLE CONCURRENTLY users;

-- migrate:down transaction:false
