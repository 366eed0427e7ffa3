package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresDemoDjangoUsersIT extends DemoDjangoUsersInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
