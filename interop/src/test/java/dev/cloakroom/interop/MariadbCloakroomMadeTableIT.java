package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbCloakroomMadeTableIT extends CloakroomMadeTableInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
