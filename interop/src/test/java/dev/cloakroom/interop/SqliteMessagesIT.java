package dev.cloakroom.interop;

import java.nio.file.Path;

class SqliteMessagesIT extends MessagesInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.sqlite(directory);
    }
}
