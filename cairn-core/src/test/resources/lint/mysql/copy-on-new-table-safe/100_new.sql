-- migrate:up
CREATE TABLE drafts (id bigint NOT NULL, org_id int, body text, title varchar(50)) ENGINE=InnoDB;
ALTER TABLE drafts MODIFY org_id bigint, MODIFY title varchar(100) NOT NULL;
ALTER TABLE drafts ADD PRIMARY KEY (id), ADD FULLTEXT INDEX drafts_body (body);
ALTER TABLE drafts ADD CONSTRAINT drafts_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);
ALTER TABLE drafts ENGINE=InnoDB, CONVERT TO CHARACTER SET utf8mb4;
OPTIMIZE TABLE drafts;

-- migrate:down
DROP TABLE drafts;
