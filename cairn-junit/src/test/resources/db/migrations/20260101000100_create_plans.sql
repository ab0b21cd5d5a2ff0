-- migrate:up
CREATE TABLE plans (
    code varchar(20) PRIMARY KEY,
    seats integer NOT NULL
);

-- migrate:down
DROP TABLE plans;
