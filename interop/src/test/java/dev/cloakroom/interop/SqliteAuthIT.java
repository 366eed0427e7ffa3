package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteAuthIT extends AuthInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
