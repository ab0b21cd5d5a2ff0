-- Who subscribes to which plan. A plan with subscribers cannot be deleted.
-- migrate:up
CREATE TABLE subscriptions (
    id integer PRIMARY KEY,
    customer_email varchar(320) NOT NULL,
    plan_code varchar(32) NOT NULL,
    started_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (plan_code) REFERENCES plans (code)
);
CREATE INDEX subscriptions_plan_code ON subscriptions (plan_code);

-- migrate:down
DROP TABLE subscriptions;
