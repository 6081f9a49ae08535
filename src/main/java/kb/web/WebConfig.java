package kb.web;

/**
 * Where the web server listens. The default host is the loopback address, so a knowledge base is never exposed
 * on the network unless asked for; port 0 lets the operating system pick a free port (used by tests).
 */
public record WebConfig(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public WebConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }

    public static WebConfig defaults() {
        return new WebConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
