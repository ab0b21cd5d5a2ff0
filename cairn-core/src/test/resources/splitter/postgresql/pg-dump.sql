--
-- PostgreSQL database dump, as pg_dump --inserts writes it (COPY blocks are psql-only and not
-- accepted by JDBC, so they are not a case here).
--

-- Dumped from database version 16.4
-- Dumped by pg_dump version 16.4

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: app
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO app;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: shop; Owner: app
--

CREATE FUNCTION shop.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION shop.touch_updated_at() OWNER TO app;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: app
--

CREATE TABLE shop.orders (
    id bigint NOT NULL,
    customer text NOT NULL,
    note text DEFAULT ''::text,
    "end" timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT orders_customer_check CHECK ((customer <> ''::text))
);


ALTER TABLE shop.orders OWNER TO app;

--
-- Name: TABLE orders; Type: COMMENT; Schema: shop; Owner: app
--

COMMENT ON TABLE shop.orders IS 'One row per order; see the "billing" doc -- section 2.';


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: shop; Owner: app
--

CREATE SEQUENCE shop.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE shop.orders_id_seq OWNER TO app;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: app
--

ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;


--
-- Name: orders id; Type: DEFAULT; Schema: shop; Owner: app
--

ALTER TABLE ONLY shop.orders ALTER COLUMN id SET DEFAULT nextval('shop.orders_id_seq'::regclass);


--
-- Data for Name: orders; Type: TABLE DATA; Schema: shop; Owner: app
--

INSERT INTO shop.orders VALUES (1, 'O''Brien; Ltd', 'first line
second line; still the note', NULL, '2024-05-01 10:00:00+00');
INSERT INTO shop.orders VALUES (2, 'ACME', E'tab\there; quote \' inside', '2024-05-02 00:00:00+00', '2024-05-02 00:00:00+00');


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: app
--

SELECT pg_catalog.setval('shop.orders_id_seq', 2, true);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: app
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_customer_idx; Type: INDEX; Schema: shop; Owner: app
--

CREATE INDEX orders_customer_idx ON shop.orders USING btree (customer);


--
-- Name: orders orders_touch; Type: TRIGGER; Schema: shop; Owner: app
--

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();


--
-- PostgreSQL database dump complete
--

