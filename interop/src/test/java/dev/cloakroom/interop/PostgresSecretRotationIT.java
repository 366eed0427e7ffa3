package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresSecretRotationIT extends SecretRotationInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
