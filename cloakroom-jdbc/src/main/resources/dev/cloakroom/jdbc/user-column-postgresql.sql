-- Cloakroom's optional user column (JdbcEngineBuilder.userColumn): nullable, indexed, named like Django's indexes.
ALTER TABLE "{table}" ADD COLUMN "{column}" varchar(255) NULL;
CREATE INDEX "{column_index}" ON "{table}" ("{column}");
