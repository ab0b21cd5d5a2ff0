-- Billing is one change numbered across three migrations; this first one's down undoes all three,
-- so only a round trip (verify --round-trip) can prove it.
-- migrate:up
CREATE TABLE orders (id bigserial PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

-- migrate:down
DROP TABLE IF EXISTS order_lines;
DROP TABLE IF EXISTS invoices;
DROP TABLE orders;
