package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Jetty refuses before kb's routes run, sent as raw bytes (java.net.http will not send most of them): each
 * gets kb's own error, JSON on machine paths and the HTML error page elsewhere, with kb's security headers,
 * {@code Cache-Control: no-store}, a 4xx status, and nothing of Jetty's page.
 */
class JettyRejectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "a".repeat(100_000);

    @TempDir
    static Path work;
    private static TestSite site;

    @BeforeAll
    static void startSite() throws IOException {
        site = TestSite.start(work);
    }

    @AfterAll
    static void stopSite() throws IOException {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what                         | request line target     | extra header           | status | json
        "broken escape, API             | /api/passages/%zz       |                        | 400    | true",
        "broken escape, admin           | /admin/reindex%zz       |                        | 400    | true",
        "broken escape, page            | /articles/%zz           |                        | 400    | false",
        "broken escape, absolute form   | http://127.0.0.1/api/%zz|                        | 400    | true",
        "control character in cookie, API | /api/search?q=ketamine | Cookie: a=b\u0001c     | 400    | true",
        "control character in cookie, page | /search?q=ketamine   | Cookie: a=b\u0001c     | 400    | false",
        "header over the limit, API     | /api/search?q=ketamine  | X-Big: LONG            | 431    | true",
        "header over the limit, page    | /search?q=ketamine      | X-Big: LONG            | 431    | false",
        "cookie over the limit, page    | /                       | Cookie: a=LONG         | 431    | false",
        "bad Content-Length, API        | /api/search?q=ketamine  | Content-Length: abc    | 400    | true",
    })
    void rejectionsGetKbsErrorInTheCallersFormat(String what, String target, String header, int status, boolean json)
            throws IOException {
        String headers = header == null ? "" : header.replace("LONG", LONG) + "\r\n";
        Raw r = send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n");
        assertKbError(what, r, status, json);
    }

    @Test
    void aRequestLineOverTheLimitIsA414HtmlPageSinceItsPathIsUnknown() throws IOException {
        Raw r = send("GET /api/search?q=" + LONG + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertKbError("100 KB URL", r, 414, false);
        assertTrue(r.body.contains("too long"), r.body);
    }

    @Test
    void anUnknownHttpVersionIsA400NotA505() throws IOException {
        assertKbError("HTTP/9.9", send("GET /search?q=ketamine HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"), 400, false);
        assertKbError("HTTP/0.9", send("GET /\r\n\r\n"), 400, false);
    }

    @Test
    void aMissingHostHeaderIsA400InTheCallersFormat() throws IOException {
        assertKbError("no Host", send("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, true);
    }

    @Test
    void aKeptAliveConnectionDoesNotLendItsLastPathToARequestLineThatCouldNotBeRead() throws IOException {
        Raw r = send("GET /api/search?q=ketamine HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /api/search?q=" + LONG + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        int second = r.raw.indexOf("HTTP/1.1 414");
        assertTrue(second > 0, "the second request is answered 414");
        Raw last = Raw.parse(r.raw.substring(second));
        assertKbError("414 after an API request", last, 414, false);
    }

    @Test
    void headRequestsAreRefusedWithHeadersAndNoBody() throws IOException {
        Raw r = send("HEAD /api/search?q=ketamine HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: a=b\u0001c\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, r.status);
        assertEquals(SecurityHeaders.CSP, r.headers.get("content-security-policy"));
        assertEquals("", r.body);
    }

    private static void assertKbError(String what, Raw r, int status, boolean json) {
        assertEquals(status, r.status, what + ": " + r.raw.substring(0, Math.min(400, r.raw.length())));
        assertEquals(WebApp.CSP, r.headers.get("content-security-policy"), what);
        assertEquals("nosniff", r.headers.get("x-content-type-options"), what);
        assertEquals("no-referrer", r.headers.get("referrer-policy"), what);
        assertEquals("no-store", r.headers.get("cache-control"), what);
        assertFalse(r.body.contains("HTTP ERROR"), what + " got Jetty's page");
        assertFalse(r.body.contains("/badMessage"), what);
        assertFalse(r.body.contains("CNTL"), what + " echoes Jetty's reason");
        if (json) {
            assertTrue(r.headers.getOrDefault("content-type", "").startsWith("application/json"), what);
            JsonNode error = parse(r.body);
            assertEquals(2, error.size(), r.body);
            assertFalse(error.get("error").asText().isBlank());
            assertFalse(error.get("message").asText().isBlank());
        } else {
            assertTrue(r.headers.getOrDefault("content-type", "").startsWith("text/html"), what);
            assertTrue(r.body.contains("<h1>Bad request</h1>"), what + ": " + r.body);
            assertTrue(r.body.contains("<link rel=\"stylesheet\" href=\"/static/kb.css\">"), "kb's page, " + what);
            assertTrue(r.body.contains("class=\"alert\""), what);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private record Raw(int status, Map<String, String> headers, String body, String raw) {
        static Raw parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            String body = end < 0 ? "" : raw.substring(end + 4);
            String length = headers.get("content-length");
            if (length != null && Integer.parseInt(length) <= body.length()) {
                body = body.substring(0, Integer.parseInt(length));
            }
            return new Raw(Integer.parseInt(lines[0].substring(9, 12)), headers, body, raw);
        }
    }

    /** Writes the bytes as they are and reads until the server closes the connection. */
    private static Raw send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", site.app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (java.net.SocketException reset) {
                // Jetty may reset after answering a request it refused; what it answered is already read.
            }
            return Raw.parse(response.toString(StandardCharsets.UTF_8));
        }
    }
}
