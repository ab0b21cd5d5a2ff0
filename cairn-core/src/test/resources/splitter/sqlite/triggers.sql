-- SQLite triggers: semicolons inside BEGIN ... END, CASE ... END inside the body and the WHEN.
CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, status TEXT);
CREATE TABLE ledger (account INTEGER, delta INTEGER, note TEXT);

CREATE TRIGGER accounts_ledger AFTER UPDATE OF balance ON accounts
FOR EACH ROW
WHEN NEW.balance <> OLD.balance
BEGIN
    INSERT INTO ledger (account, delta, note)
    VALUES (NEW.id, NEW.balance - OLD.balance,
            CASE
                WHEN NEW.balance < 0 THEN 'overdrawn; check'
                WHEN NEW.balance = 0 THEN 'empty'
                ELSE 'ok'
            END);
    UPDATE accounts
       SET status = CASE WHEN NEW.balance < 0 THEN 'frozen' ELSE status END
     WHERE id = NEW.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS no_negative_deposit
BEFORE INSERT ON ledger
WHEN CASE WHEN NEW.note = 'deposit' THEN NEW.delta < 0 ELSE 0 END
BEGIN
    SELECT RAISE(ABORT, 'a deposit cannot be negative; use a withdrawal');
END;

create temporary trigger "end" after delete on accounts begin
    delete from ledger where account = old.id; -- END; is only in a comment
end;

BEGIN TRANSACTION;
INSERT INTO accounts VALUES (1, 100, 'ok');
END TRANSACTION;
