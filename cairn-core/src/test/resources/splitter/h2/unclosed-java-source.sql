CREATE TABLE t (id INT);

CREATE ALIAS twice AS $$
int twice(int x) { return 2 * x; }
$;

SELECT twice(id) FROM t;
