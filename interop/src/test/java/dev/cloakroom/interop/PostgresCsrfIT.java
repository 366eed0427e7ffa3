package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresCsrfIT extends CsrfInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
