package dev.cloakroom.interop;

import java.nio.file.Path;

class PostgresMessagesIT extends MessagesInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.postgres();
    }
}
