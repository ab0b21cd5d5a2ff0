SELECT 1;
/* Commented out for now:
   /* the old check, itself commented out */
   ALTER TABLE t ADD CONSTRAINT positive CHECK (id > 0);
   (the outer comment is never closed: the closer above ends only the inner one)
SELECT 2;
