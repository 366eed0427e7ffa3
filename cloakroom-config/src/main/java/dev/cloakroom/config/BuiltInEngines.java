package dev.cloakroom.config;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.EncryptedCookieEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The engines of {@code cloakroom-core} that need nothing else: {@code memory}, {@code file},
 * {@code signed_cookies}, {@code encrypted_cookies}.
 */
public final class BuiltInEngines implements EngineFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls it. */
    public BuiltInEngines() {
    }

    @Override
    public Set<String> engines() {
        return Set.of("memory", "file", "signed_cookies", "encrypted_cookies");
    }

    @Override
    public OpenedEngine open(String name, Settings settings, Schema schema) {
        SessionSettings session = settings.sessionSettings();
        switch (name) {
            case "memory":
                return new OpenedEngine(MemoryEngine.create(session.clock()), name, "in this process only",
                        List.of());
            case "signed_cookies":
                return new OpenedEngine(SignedCookieEngine.create(session), name, "in the browser's cookie",
                        List.of());
            case "encrypted_cookies":
                return new OpenedEngine(EncryptedCookieEngine.create(session), name,
                        "in the browser's cookie, encrypted", List.of());
            case "file":
                Path directory = settings.get(CloakroomSettings.FILE_PATH);
                try {
                    FileEngine file = FileEngine.builder(session).directory(directory).build();
                    return new OpenedEngine(file, name, "files in " + directory, List.of());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw settings.cannotUse(CloakroomSettings.FILE_PATH, directory.toString(), e);
                }
            default:
                throw new IllegalArgumentException("not an engine of this factory: " + name);
        }
    }
}
