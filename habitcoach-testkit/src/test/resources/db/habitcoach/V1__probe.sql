-- A stand-in migration for the testkit's own tests: the real ones live in habitcoach-jooq.
CREATE TABLE probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
