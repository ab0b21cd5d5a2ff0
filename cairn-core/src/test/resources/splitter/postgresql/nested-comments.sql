/*
 * Block comments nest in PostgreSQL:
 /* an inner one; with 'quotes" and -- dashes */
 * so this is still comment; SELECT 'not run';
 */
CREATE TABLE t (id int /* key; /* nested */ here */, name text -- trailing; note
);
/* between */ /**/ -- and a line comment ; here
INSERT INTO t VALUES (1, 'x') /* kept ; */ ;
;
-- only comments follow
/* the end; */
