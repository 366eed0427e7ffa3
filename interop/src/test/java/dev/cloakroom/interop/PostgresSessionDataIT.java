package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresSessionDataIT extends SessionDataInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
