package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteSecretRotationIT extends SecretRotationInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
