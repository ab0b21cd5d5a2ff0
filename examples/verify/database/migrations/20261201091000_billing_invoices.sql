-- migrate:up
CREATE TABLE invoices (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));

-- migrate:down
SELECT 1;
