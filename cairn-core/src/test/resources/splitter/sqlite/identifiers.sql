-- SQLite accepts "x", `x` and [x] as identifiers, and none of them ends a statement at a semicolon.
CREATE TABLE [order;items] (
    [id] INTEGER PRIMARY KEY,
    `sku;code` TEXT NOT NULL,
    "qty ""ordered""; total" INTEGER,
    `back``tick` TEXT,
    [begin] TEXT,
    [end] TEXT
);
CREATE INDEX "idx;sku" ON [order;items] (`sku;code`);
SELECT [id], `back``tick`, "qty ""ordered""; total" FROM [order;items] WHERE `sku;code` = 'a;b';
