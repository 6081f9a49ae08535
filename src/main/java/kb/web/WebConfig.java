package kb.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the web server listens, and the address people reach it at. The default host is the loopback address, so a
 * knowledge base is never exposed on the network unless asked for; port 0 lets the operating system pick a free port
 * (used by tests). {@code publicUrl} (may be null: then the listening address is used) is the only source of the
 * absolute links kb hands out, such as the OpenSearch description; it is never taken from a request.
 */
public record WebConfig(String host, int port, String publicUrl) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** The highest port number; see {@link #checkPort}. */
    public static final int MAX_PORT = 65_535;

    public WebConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        checkPort("port", port);
        publicUrl = publicUrl == null ? null : checkPublicUrl(publicUrl);
    }

    public WebConfig(String host, int port) {
        this(host, port, null);
    }

    public static WebConfig defaults() {
        return new WebConfig(DEFAULT_HOST, DEFAULT_PORT);
    }

    /**
     * Refuses a port no server can listen on: valid ports are 0 (the operating system picks a free one) to
     * {@value #MAX_PORT}. {@code name} starts the message, e.g. {@code "--port must be between 0 and 65535, not -1"}.
     */
    public static void checkPort(String name, int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_PORT + ", not " + port);
        }
    }

    /**
     * An http or https address with a host and no user name, query or fragment, returned without a trailing slash
     * (for example {@code https://kb.example.org}); anything else is refused with a plain reason.
     */
    public static String checkPublicUrl(String url) {
        String example = " (for example https://kb.example.org)";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a valid address" + example + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the public URL must start with http:// or https://" + example);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the public URL must name a host" + example);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the public URL must not hold a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the public URL must not have a query (?…) or a fragment (#…)" + example);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
