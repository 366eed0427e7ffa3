package dev.cloakroom.contrib.messages;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.cloakroom.internal.SecurityLog;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts the WARNs of {@code cloakroom.security} instead of printing them, for tests that feed millions of
 * bad inputs (fuzz tests): the count proves each rejection was logged, the console stays readable.
 */
final class QuietSecurityLog {

    private static final AtomicLong WARNINGS = new AtomicLong();

    static {
        Logger logger = (Logger) LoggerFactory.getLogger(SecurityLog.NAME);
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                WARNINGS.incrementAndGet();
            }
        };
        counter.setContext(logger.getLoggerContext());
        counter.start();
        logger.addAppender(counter);
        logger.setAdditive(false);
    }

    private QuietSecurityLog() {
    }

    /** Silences the logger (once per JVM) and returns how many WARNs it has had so far. */
    static long warnings() {
        return WARNINGS.get();
    }
}
