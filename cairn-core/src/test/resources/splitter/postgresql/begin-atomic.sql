-- SQL-standard function bodies (PostgreSQL 14+) beside a transaction's BEGIN.
BEGIN;

CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    begin_date date NOT NULL,
    end_date date NOT NULL
);

CREATE OR REPLACE FUNCTION booking_nights(b bookings) RETURNS int
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT CASE
        WHEN b.end_date <= b.begin_date THEN 0
        ELSE b.end_date - b.begin_date
    END;
END;

CREATE PROCEDURE close_booking(booking bigint, closed date)
    LANGUAGE sql
BEGIN ATOMIC
    UPDATE bookings SET end_date = closed WHERE id = booking;
    DELETE FROM bookings WHERE id = booking AND end_date < begin_date;
END;

CREATE FUNCTION is_long(nights int) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN nights > 13 THEN true ELSE false END;

COMMIT;
