package dev.cloakroom.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key kept in {@code .cloakroom-secret} when none is configured: generated once, readable by
 * its owner only, so sessions survive restarts of the demo and the CLI can decode them.
 */
final class SecretKeyFile {

    static final String NAME = ".cloakroom-secret";

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";

    private final Path file;

    SecretKeyFile(Path file) {
        this.file = file;
    }

    record Result(String secret, boolean created) {
    }

    Result readOrCreate() {
        if (Files.exists(file)) {
            return new Result(read(), false);
        }
        Path temp = null;
        try {
            temp = createPrivateTemp();
            Files.writeString(temp, generate() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp); // fails if another process created the file meanwhile
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                if (Files.exists(file)) {
                    return new Result(read(), false);
                }
                Files.move(temp, file);
            }
            LOG.warn("No CLOAKROOM_SECRET_KEY set: generated a secret key into {} (readable by you only). "
                    + "Keep it private; in production set CLOAKROOM_SECRET_KEY instead.", file);
            return new Result(read(), true);
        } catch (FileAlreadyExistsException e) {
            return new Result(read(), false);
        } catch (IOException e) {
            throw new ConfigurationException("Could not create the secret key file " + file + " (" + e
                    + "); make the directory writable or set CLOAKROOM_SECRET_KEY", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file holds no secret anyone uses
                }
            }
        }
    }

    private Path createPrivateTemp() throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        try {
            return Files.createTempFile(directory, NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(directory, NAME, ".tmp"); // not a POSIX file system
        }
    }

    private String read() {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new ConfigurationException("The secret key file " + file
                        + " is empty; delete it to generate a new one, or set CLOAKROOM_SECRET_KEY");
            }
            return secret;
        } catch (IOException e) {
            throw new ConfigurationException("Could not read the secret key file " + file + " (" + e
                    + "); fix its permissions or set CLOAKROOM_SECRET_KEY", e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(50);
        for (int i = 0; i < 50; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
