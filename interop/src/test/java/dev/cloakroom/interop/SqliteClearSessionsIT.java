package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteClearSessionsIT extends ClearSessionsInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
