-- The host application's own first migration: it expects an empty schema, so Habit Coach's tables
-- must come after it (the starter's bean depends on database initialization).
CREATE TABLE host_orders (id BIGINT PRIMARY KEY, total_cents BIGINT NOT NULL);
INSERT INTO host_orders VALUES (42, 1999);
