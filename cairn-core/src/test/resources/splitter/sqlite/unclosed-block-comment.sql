CREATE TABLE t (id INTEGER);

/* a comment that is never closed
CREATE TABLE u (id INTEGER);
