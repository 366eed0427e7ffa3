package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteCloakroomMadeTableIT extends CloakroomMadeTableInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }

    @Override
    protected SharedDatabase openReferenceDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
