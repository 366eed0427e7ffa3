-- Cloakroom's optional user column (JdbcEngineBuilder.userColumn): nullable, indexed, named like Django's indexes.
-- A binary collation, so user ids compare exactly ('Bob' is not 'bob') and the index still serves the lookups.
ALTER TABLE `{table}` ADD COLUMN `{column}` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
CREATE INDEX `{column_index}` ON `{table}` (`{column}`);
