package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.live.Reindexer;
import kb.search.LuceneSearchEngine;
import kb.web.WebApp;
import kb.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and absurd requests against every page and API that takes input: none is answered with a server error,
 * none is echoed in a form that executes (markup, template expressions), and each is answered within a bound.
 */
class BadRequestsTest {
    private static final long BOUND_MILLIS = 5_000;
    private static final String ADMIN_TOKEN = "bad-requests-token-0123456789abcdef";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @TempDir
    Path tmp;

    /** Query texts, sent URL-encoded. */
    static List<String> queries() {
        List<String> q = new ArrayList<>(List.of(
                "\"ketamine", "ketamine\"", "(ketamine", "ketamine)", "[ketamine", "ketamine]", "{ketamine", "ketamine}",
                "\"(ketamine]\"", "AND", "OR", "NOT", "+", "-", "&&", "||", "!", "ketamine AND", "OR ketamine", "NOT NOT",
                "ketamine ".repeat(1_112), "x".repeat(10_000), "*amine", "?etamine", "*", "**", "ket*", "k*",
                "/ket.*/", "/[a-z]+/", "/(a+)+$/", "ketamine~99", "ketamine^999999", "\"a b\"~99999999", "field:value",
                "text:ketamine", "id:*", "[a TO z]", "{* TO *}",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
                "'><svg onload=alert(1)>", "</textarea><script>alert(1)</script>", "&lt;script&gt;",
                "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd%00.txt", "%2e%2e%2f",
                "__${7*7}__", "[[${7*7}]]", "${7*7}", "#{7*7}", "*{7*7}", "@{7*7}", "~{7*7}", "[(${7*7})]",
                "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "{{7*7}}", "<%= 7*7 %>",
                "\u0000", "ketamine\u0000", "\u202Eevil", "\uFEFF", "\uD83D\uDE00", "é́́́́́́́́",
                "(".repeat(10_000) + "ketamine" + ")".repeat(10_000),
                "(".repeat(17) + "ketamine" + ")".repeat(17),
                IntStream.range(0, 2_000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR ")),
                IntStream.range(0, 120).mapToObj(i -> "k" + i + "*").collect(Collectors.joining(" OR ")),
                " ", "\t\n", ""));
        return q;
    }

    /** Raw query strings: absurd paging and encodings the URL parser must survive. */
    static List<String> rawQueryStrings() {
        return List.of("q=ketamine&page=-1", "q=ketamine&page=0", "q=ketamine&page=99999999999999999999",
                "q=ketamine&page=2147483647", "q=ketamine&size=0", "q=ketamine&size=1000000", "q=ketamine&size=-5",
                "q=ketamine&page=abc", "q=ketamine&page=1e9", "q=ketamine&page=0x10", "q=ketamine&size=%00",
                "q=%00", "q=ketamine%00", "q=%C3%28", "q=%FF%FE", "q=%E2%82", "q=%ED%A0%80", "q=%", "q=%%",
                "q=%zz", "q=ketamine&q=other", "q[]=x", "q=ketamine&article=%00", "q=ketamine&section=..%2f..%2f",
                "q=ketamine&article=" + "a".repeat(5_000), "q=ketamine&correct=%FF");
    }

    static List<String> paths() {
        return List.of("/articles/..%2f..%2fpom.xml", "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/articles/%00",
                "/passages/..%2F..%2Fpom.xml", "/passages/%C3%28", "/api/passages/%FF", "/api/passages/..%2f..",
                "/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/articles/" + "x".repeat(5_000),
                "/articles/__$%7B7*7%7D__", "/passages/%5B%5B$%7B7*7%7D%5D%5D", "/admin/reindex", "/health?x=%FF");
    }

    @Test
    void hostileRequestsNeverCauseServerErrorsOrExecutableEchoesAndAreAnsweredPromptly() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (String name : new String[] {"ketamines-for-depression.txt", "hostile-markup.md"}) {
            try (InputStream in = getClass().getResourceAsStream("/web/corpus/" + name)) {
                Files.copy(in, corpus.resolve(name));
            }
        }
        Path index = tmp.resolve("index");
        Indexer indexer = new Indexer(new CorpusReader());
        indexer.update(corpus, index);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> problems = new ArrayList<>();
        int tried = 0;
        long slowest = 0;
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0), new Reindexer(indexer, corpus, index, search),
                    ADMIN_TOKEN).start();
            try {
                String base = "http://127.0.0.1:" + app.port();
                List<String> targets = new ArrayList<>();
                for (String q : queries()) {
                    String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
                    for (String endpoint : List.of("/search?q=", "/api/search?q=", "/api/suggest?q=",
                            "/articles/ketamines-for-depression?q=", "/api/search?q=ketamine&article=", "/search?q=ketamine&section=")) {
                        targets.add(endpoint + enc);
                    }
                }
                for (String raw : rawQueryStrings()) {
                    targets.add("/search?" + raw);
                    targets.add("/api/search?" + raw);
                }
                targets.addAll(paths());
                for (String target : targets) {
                    long start = System.nanoTime();
                    int status;
                    String type;
                    String body;
                    if (validUri(base + target)) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + target))
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        type = r.headers().firstValue("Content-Type").orElse("");
                        body = r.body();
                    } else {
                        // Java's URI refuses a broken escape like "%zz"; a browser or curl would send it anyway.
                        String[] response = rawGet(app.port(), target.getBytes(StandardCharsets.US_ASCII));
                        status = Integer.parseInt(response[0]);
                        type = response[2];
                        body = response[1];
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    slowest = Math.max(slowest, millis);
                    tried++;
                    inspect(target, status, type, body, millis, problems);
                }
                // Bytes no URL encoder would produce: invalid UTF-8 and control characters, straight on the wire.
                for (byte[] rawTarget : List.of(bytes("/search?q=", 0xFF, 0xFE), bytes("/api/search?q=", 0xC3, 0x28),
                        bytes("/articles/", 0xED, 0xA0, 0x80), bytes("/search?q=a", 0x00, 'b'))) {
                    long start = System.nanoTime();
                    String[] response = rawGet(app.port(), rawTarget);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    slowest = Math.max(slowest, millis);
                    tried++;
                    inspect(new String(rawTarget, StandardCharsets.ISO_8859_1), Integer.parseInt(response[0]), response[2],
                            response[1], millis, problems);
                }
                // The admin endpoint under abuse: absurd tokens and methods.
                for (String header : List.of("Bearer " + "x".repeat(10_000), "Bearer ${7*7}", "Bearer \u0000", "Bearer  ",
                        "bearer", "Bearer " + ADMIN_TOKEN + " " + ADMIN_TOKEN)) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/reindex"))
                            .header("Authorization", header.replace("\u0000", "%00")).POST(HttpRequest.BodyPublishers.noBody())
                            .build(), HttpResponse.BodyHandlers.ofString());
                    tried++;
                    if (r.statusCode() != 401) {
                        problems.add("admin with header " + header.substring(0, Math.min(40, header.length())) + " → " + r.statusCode());
                    }
                }
            } finally {
                app.stop();
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(slowest < BOUND_MILLIS, "slowest answer " + slowest + " ms");
        Figures.record("bad requests", tried + " hostile or absurd requests (" + queries().size() + " query texts on 6 "
                + "endpoints, " + rawQueryStrings().size() + " raw query strings on 2, " + paths().size() + " paths, 4 raw "
                + "invalid byte sequences, 6 abusive admin tokens): 0 server errors, 0 executable echoes, slowest answer "
                + slowest + " ms");
    }

    /**
     * HTML must hold no live markup from the input and no evaluated template expression; JSON is data (served as
     * application/json with nosniff, so a browser never runs it) and must parse; neither may carry a stack trace.
     */
    private static void inspect(String target, int status, String type, String body, long millis, List<String> problems) {
        String shown = target.length() > 80 ? target.substring(0, 80) + "…" : target;
        if (status >= 500) {
            problems.add(shown + " → " + status);
        }
        if (millis > BOUND_MILLIS) {
            problems.add(shown + " took " + millis + " ms");
        }
        List<String> never = new ArrayList<>(List.of("__49__", "[[49]]", "Exception", "\tat kb.", "\tat org."));
        if (type.startsWith("text/html")) {
            never.addAll(List.of("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>", "<textarea><script"));
        } else if (type.startsWith("application/json")) {
            try {
                JSON.readTree(body);
            } catch (IOException e) {
                problems.add(shown + " answered JSON that does not parse");
            }
        } else if (!body.isEmpty() && status != 302 && status != 301) {
            problems.add(shown + " answered " + status + " with content type " + type);
        }
        for (String bad : never) {
            if (body.contains(bad)) {
                problems.add(shown + " echoed " + bad);
            }
        }
    }

    private static boolean validUri(String uri) {
        try {
            URI.create(uri);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] bytes(String prefix, int... raw) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[p.length + raw.length];
        System.arraycopy(p, 0, out, 0, p.length);
        for (int i = 0; i < raw.length; i++) {
            out[p.length + i] = (byte) raw[i];
        }
        return out;
    }

    /** Sends a request line with raw bytes; returns the status code, the body and the content type. */
    private static String[] rawGet(int port, byte[] target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            String status = text.length() >= 12 ? text.substring(9, 12) : "000";
            int bodyAt = text.indexOf("\r\n\r\n");
            String headers = bodyAt < 0 ? text : text.substring(0, bodyAt);
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type:\\s*(.*)$").matcher(headers);
            return new String[] {status, bodyAt < 0 ? "" : text.substring(bodyAt + 4), type.find() ? type.group(1).strip() : ""};
        }
    }
}
