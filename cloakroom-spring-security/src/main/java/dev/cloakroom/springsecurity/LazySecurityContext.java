package dev.cloakroom.springsecurity;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;

/** A security context computed on first use: the session is read only if something asks who is logged in. */
final class LazySecurityContext implements DeferredSecurityContext {

    private final Supplier<@Nullable SecurityContext> loader;
    private final Supplier<SecurityContext> empty;
    private @Nullable SecurityContext context;
    private boolean generated;

    LazySecurityContext(Supplier<@Nullable SecurityContext> loader, Supplier<SecurityContext> empty) {
        this.loader = loader;
        this.empty = empty;
    }

    @Override
    public SecurityContext get() {
        SecurityContext current = context;
        if (current == null) {
            current = loader.get();
            if (current == null) {
                current = empty.get();
                generated = true;
            }
            context = current;
        }
        return current;
    }

    @Override
    public boolean isGenerated() {
        get();
        return generated;
    }
}
