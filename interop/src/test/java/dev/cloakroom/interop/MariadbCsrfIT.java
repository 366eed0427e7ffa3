package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbCsrfIT extends CsrfInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
