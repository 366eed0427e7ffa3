package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbSessionDataIT extends SessionDataInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
