package kb.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.search.SearchEngine;

/**
 * {@code GET /articles/{slug}/source}: the article's original file, only when it is a file of the corpus the index
 * was built from. It is shown inline where a browser can show it (PDF, text), so "open at page N" can link to
 * {@code #page=N}; a saved web page is shown sandboxed (its scripts never run on kb's origin), and a Word file is
 * a download.
 */
final class SourceRoute {
    private record Kind(String contentType, boolean download, String policy) {}

    /** Nothing a source file holds may run or load anything. */
    private static final String INERT = "default-src 'none'; frame-ancestors 'none'";
    private static final Kind TEXT = new Kind("text/plain; charset=utf-8", false, INERT);
    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", false, INERT),
            "txt", TEXT, "md", TEXT, "markdown", TEXT, "jsonl", TEXT,
            "html", new Kind("text/html; charset=utf-8", false, "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"),
            "htm", new Kind("text/html; charset=utf-8", false, "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, INERT));

    private final SearchEngine search;

    SourceRoute(SearchEngine search) {
        this.search = search;
    }

    /** The file to serve for {@code slug}, if there is one kb may serve. */
    Optional<Path> file(String slug) throws IOException {
        return search.sourceOf(slug).filter(f -> KINDS.containsKey(extension(f)));
    }

    /** Answers with the file; false (nothing written) when there is none to serve. */
    boolean serve(Context ctx, String slug) throws IOException {
        Optional<Path> file = file(slug);
        if (file.isEmpty()) {
            return false;
        }
        Path f = file.get();
        Kind kind = KINDS.get(extension(f));
        String name = f.getFileName().toString().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        ctx.header("Content-Security-Policy", kind.policy());
        ctx.header("Cache-Control", SecurityHeaders.NO_CACHE);
        ctx.header("Content-Disposition", (kind.download() ? "attachment" : "inline") + "; filename=\"" + name + "\"");
        // Sent as it is on disk: compressing a PDF gains little, and a compressed stream must not carry the
        // file's own length.
        ctx.disableCompression();
        ctx.header("Content-Length", Long.toString(Files.size(f)));
        ctx.contentType(kind.contentType()).result(Files.newInputStream(f));
        return true;
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
