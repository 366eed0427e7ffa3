package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbAuthIT extends AuthInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
