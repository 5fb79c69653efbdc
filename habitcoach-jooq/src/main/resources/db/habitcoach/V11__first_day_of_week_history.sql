-- A change of the user's first day of the week no longer re-buckets past weeks (docs/rules.md,
-- "Changing the first day of the week"). first_day_of_week stays the one in force now; this column
-- keeps the earlier ones, oldest first, each as its ISO day number, '<' and the first day it no
-- longer applied to (the day the next one took effect): '1<2026-03-09' means Monday weeks up to
-- 8 March 2026. NULL while the first day never changed (every existing user).
ALTER TABLE users ADD COLUMN first_day_of_week_history TEXT;
ALTER TABLE users ADD CONSTRAINT users_first_day_of_week_history_check CHECK (
  first_day_of_week_history ~ '^[1-7]<[0-9]{4}-[0-9]{2}-[0-9]{2}(,[1-7]<[0-9]{4}-[0-9]{2}-[0-9]{2})*$');
