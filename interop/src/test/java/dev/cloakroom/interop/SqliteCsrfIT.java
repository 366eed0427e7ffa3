package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteCsrfIT extends CsrfInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
