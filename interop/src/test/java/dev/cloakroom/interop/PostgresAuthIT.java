package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresAuthIT extends AuthInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
