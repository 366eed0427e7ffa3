package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresClearSessionsIT extends ClearSessionsInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
