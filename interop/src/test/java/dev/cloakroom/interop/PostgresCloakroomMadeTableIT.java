package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresCloakroomMadeTableIT extends CloakroomMadeTableInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
