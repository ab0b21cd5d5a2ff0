/*
 * Test schema for the in-memory H2 database. H2 block comments nest:
 * /* so this inner comment; with 'a quote' */ does not end the outer one;
 */
// H2 also reads // as a line comment; it's handy for notes like this one
CREATE SCHEMA IF NOT EXISTS billing;

CREATE SEQUENCE billing.invoice_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE billing.invoice (
    id BIGINT DEFAULT NEXT VALUE FOR billing.invoice_seq PRIMARY KEY,
    customer VARCHAR(200) NOT NULL, -- the billing name; not the login
    "end" DATE,
    `begin` DATE, // backticks quote identifiers in H2 too
    amount NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
    tags VARCHAR(20) ARRAY DEFAULT ARRAY['new', 'a;b']
);

CREATE ALIAS billing.slugify AS $$
String slugify(String s) {
    // lower case; spaces to dashes: "Foo Bar" -> "foo-bar"
    return s == null ? null : s.trim().toLowerCase().replace(' ', '-').replace("'", "");
}
$$;

CREATE ALIAS billing.greatest_of FOR "java.lang.Math.max(long, long)";

CREATE TRIGGER billing.invoice_audit AFTER INSERT ON billing.invoice FOR EACH ROW AS $$
org.h2.api.Trigger create() {
    return new org.h2.api.Trigger() {
        public void fire(java.sql.Connection c, Object[] before, Object[] after) { /* no-op; */ }
    };
}
$$;

INSERT INTO billing.invoice (customer, "end", amount) VALUES ('O''Hara; Sons', DATE '2024-12-31', 10.5),
    ('C:\new\', NULL, 0);

MERGE INTO billing.invoice (id, customer, amount) KEY (id) VALUES (1000, 'O''Hara & Sons', 11);

SELECT billing.slugify(customer), billing.greatest_of(id, 5) FROM billing.invoice
