-- Django's sessions.0001_initial on PostgreSQL, as its schema editor writes it (Django 5.2).
CREATE TABLE "{table}" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" timestamp with time zone NOT NULL);
CREATE INDEX "{session_key_like_index}" ON "{table}" ("session_key" varchar_pattern_ops);
CREATE INDEX "{expire_date_index}" ON "{table}" ("expire_date");
