-- Django's sessions.0001_initial on SQLite, as its schema editor writes it (Django 5.2).
-- expire_date holds UTC text such as '2025-12-06 00:00:00' (Python's str(datetime)).
CREATE TABLE "{table}" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" datetime NOT NULL);
CREATE INDEX "{expire_date_index}" ON "{table}" ("expire_date");
