package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbMessagesIT extends MessagesInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
