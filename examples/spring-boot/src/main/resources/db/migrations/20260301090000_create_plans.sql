-- The plans customers can subscribe to. The Java migration after this one (SeedPlans, a Spring bean)
-- fills it from the application's catalogue.
-- migrate:up
CREATE TABLE plans (
    code varchar(32) PRIMARY KEY,
    name varchar(100) NOT NULL,
    monthly_price_cents integer NOT NULL
);

-- migrate:down
DROP TABLE plans;
