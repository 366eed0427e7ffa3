package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteSessionDataIT extends SessionDataInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
