-- Django's sessions.0001_initial on MariaDB/MySQL: Django's type mappings for CharField(40) primary key,
-- TextField and DateTimeField(db_index=True). expire_date holds UTC wall time (USE_TZ=True).
CREATE TABLE `{table}` (`session_key` varchar(40) NOT NULL PRIMARY KEY, `session_data` longtext NOT NULL, `expire_date` datetime(6) NOT NULL);
CREATE INDEX `{expire_date_index}` ON `{table}` (`expire_date`);
