package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbClearSessionsIT extends ClearSessionsInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
