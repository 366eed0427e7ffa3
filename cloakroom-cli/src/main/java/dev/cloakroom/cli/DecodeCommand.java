package dev.cloakroom.cli;

import dev.cloakroom.config.Settings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cloakroom decode VALUE}: verifies and decodes a Django session_data or signed cookie value. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Verify and decode a Django session_data value or signed_cookies cookie.",
            "Uses the configured secret key and its fallbacks, and tries both salts. Prints the value as",
            "JSON with its signing time; exit 1 if the signature does not verify."})
final class DecodeCommand implements Callable<Integer>, SettingOptions.ReadsSettings {

    @ParentCommand
    CloakroomCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VALUE",
            description = "The signed value, for example eyJjb3VudCI6MX0:1vMb2m:od3r...")
    String value = "";

    @Override
    public Integer call() {
        Settings config = EngineCommand.read(root.context, spec);
        SignedValues.Decoded decoded = new SignedValues(config.sessionSettings()).either(value)
                .orElseThrow(() ->
                CommandFailure.notFound("The value does not verify with the configured secret key (tried the "
                        + "session_data and signed cookie salts); set CLOAKROOM_SECRET_KEY to the key that "
                        + "signed it"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", decoded.kind());
        json.put("salt", decoded.salt());
        json.put("signed_at", Output.iso(decoded.signedAt()));
        if (decoded.kind().equals("signed_cookie")) {
            Instant expires = decoded.signedAt().plus(config.sessionSettings().cookieAge());
            json.put("expire_date", Output.iso(expires));
            json.put("expired", !expires.isAfter(config.sessionSettings().clock().instant()));
        }
        json.put("data", decoded.value());
        Output.json(root.context.out(), json);
        return Cli.OK;
    }
}
