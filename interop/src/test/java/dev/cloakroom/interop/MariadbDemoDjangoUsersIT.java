package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbDemoDjangoUsersIT extends DemoDjangoUsersInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
