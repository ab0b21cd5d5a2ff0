-- migrate:up
CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0), PRIMARY KEY (order_id, sku));

-- migrate:down
SELECT 1;
