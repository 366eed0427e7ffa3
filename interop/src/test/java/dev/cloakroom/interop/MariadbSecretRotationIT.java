package dev.cloakroom.interop;

import java.nio.file.Path;

class MariadbSecretRotationIT extends SecretRotationInterop {
    @Override
    protected SharedDatabase openDatabase(Path directory) {
        return SharedDatabase.mariadb();
    }
}
