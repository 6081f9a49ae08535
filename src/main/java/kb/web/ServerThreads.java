package kb.web;

import io.javalin.util.LoomUtil;
import java.util.Locale;

/**
 * Which threads run requests: Jetty's pool of platform threads (Javalin's default, 8 to 250 threads), or one virtual
 * thread per request (Javalin's {@code useVirtualThreads}), which exists from Java 21 on. Rule: asking for virtual
 * threads on an older Java gives the platform pool (Javalin falls back by itself); {@link #inUse} says which one a
 * server really gets, so a measurement is never labelled with a pool it did not use.
 */
public enum ServerThreads {
    PLATFORM, VIRTUAL;

    /** Whether this Java has virtual threads (21 and later). */
    public static boolean virtualAvailable() {
        return LoomUtil.INSTANCE.getLoomAvailable();
    }

    /** The pool a server asking for this one runs on here. */
    public ServerThreads inUse() {
        return this == VIRTUAL && !virtualAvailable() ? PLATFORM : this;
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
