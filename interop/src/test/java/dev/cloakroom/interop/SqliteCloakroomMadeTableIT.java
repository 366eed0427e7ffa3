package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteCloakroomMadeTableIT extends CloakroomMadeTableInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
