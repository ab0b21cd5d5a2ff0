-- Irreversible on purpose: no down section.
-- migrate:up
CREATE INDEX people_email_idx ON people (email);
