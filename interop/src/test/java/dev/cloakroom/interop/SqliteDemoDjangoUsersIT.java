package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteDemoDjangoUsersIT extends DemoDjangoUsersInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
