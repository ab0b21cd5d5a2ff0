/* Semicolons and comment markers hidden in every kind of quote PostgreSQL has. */

-- goose#699: a line-based splitter takes this -- for a comment
INSERT INTO settings (key, value) VALUES ('separator', '--'), ('greeting', 'hello; -- world');

INSERT INTO paths VALUES ('C:\'), ('/*not a comment');

SELECT E'it\'s; fine', e'back\\', E'new\nline; \x41';

SELECT U&'d\0061t\+000061; caf\00E9' AS unicode, 'a''b; c' AS doubled;

CREATE TABLE "odd;name" ("say ""hi"";" text, "--" int, "/*" int);

SELECT $$it's; "quoted" -- and /* all */ text$$, $tag$ $$ ; $tag$;

PREPARE find(int) AS SELECT * FROM "odd;name" WHERE "--" = $1;

SELECT price$usd, a$b$ FROM money
