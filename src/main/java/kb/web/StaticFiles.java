package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files under {@code web/static/} in kb's jar, at {@code /static/NAME}: read from the class path once, kept in
 * memory (a few kilobytes), sent with their type, {@code Cache-Control: max-age=3600} and an ETag, and a 304 to a
 * browser revalidating a copy it has. Rule: only a plain file name of a known type is looked up (no folders, no
 * dots but the extension's), so no request reaches anything else on the class path. Why not Jetty's resource
 * handler, which Javalin's static files use: it mounts the whole jar (30,000 entries, 100 MB with the meaning
 * model) as a zip file system when the server is built, which was about 0.4 s of kb's start-up.
 */
final class StaticFiles {
    static final String CACHE_CONTROL = "max-age=3600";
    private static final String FOLDER = "web/static/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.([a-z0-9]+)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    /** One file's bytes, type and entity tag. */
    private record Asset(byte[] body, String type, String etag) {}

    /** Files read so far; a miss is not remembered, so requests for made-up names cannot fill memory. */
    private final Map<String, Asset> read = new ConcurrentHashMap<>();

    void register(JavalinConfig cfg) {
        cfg.routes.get("/static/{name}", ctx -> serve(ctx, true));
        cfg.routes.head("/static/{name}", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean withBody) {
        String name = ctx.pathParam("name");
        Asset asset = asset(name).orElseThrow(() -> new NotFoundException("There is no file “" + name + "” here."));
        ctx.header("Cache-Control", CACHE_CONTROL).header("ETag", asset.etag());
        String seen = ctx.header("If-None-Match");
        if (seen != null && (seen.equals(asset.etag()) || seen.strip().equals("*"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.type());
        if (withBody) {
            ctx.result(asset.body());
        } else {
            ctx.header("Content-Length", Integer.toString(asset.body().length));
        }
    }

    private Optional<Asset> asset(String name) {
        var m = NAME.matcher(name);
        if (!m.matches() || !TYPES.containsKey(m.group(1))) {
            return Optional.empty();
        }
        Asset known = read.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Asset> loaded = load(name, TYPES.get(m.group(1)));
        loaded.ifPresent(a -> read.put(name, a));
        return loaded;
    }

    private static Optional<Asset> load(String name, String type) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            return Optional.of(new Asset(body, type, etagOf(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name + " from kb's jar", e);
        }
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
