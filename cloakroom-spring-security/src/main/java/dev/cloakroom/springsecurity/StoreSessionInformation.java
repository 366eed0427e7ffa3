package dev.cloakroom.springsecurity;

import dev.cloakroom.ServerSideEngine;
import java.util.Date;

/** A session of the store as Spring Security sees it; expiring it deletes it from the store. */
final class StoreSessionInformation extends org.springframework.security.core.session.SessionInformation {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: the session data is JSON, this object lives in one call
    private final transient ServerSideEngine engine;

    StoreSessionInformation(Object principal, String sessionId, Date lastRequest, ServerSideEngine engine) {
        super(principal, sessionId, lastRequest);
        this.engine = engine;
    }

    /** Marks it expired and deletes the session from the store: its key names nothing any more. */
    @Override
    public void expireNow() {
        super.expireNow();
        engine.delete(getSessionId());
    }
}
