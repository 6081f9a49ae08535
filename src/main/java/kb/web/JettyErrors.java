package kb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests Jetty refuses before kb's routes see them (a broken %-escape, a request line or headers over
 * the limit, a control character in a header, an unknown HTTP version) the way kb answers its own errors: JSON
 * {@code {error, message}} for the API, admin and health paths, kb's HTML error page otherwise, with kb's security
 * headers and {@code Cache-Control: no-store}. A client's mistake is always a 4xx (Jetty's 505 for an unknown HTTP
 * version becomes 400), and nothing of the request or of Jetty's reason is echoed.
 */
final class JettyErrors extends ErrorHandler {
    /** Jetty replaces a URI it cannot parse with this path, so the original path is unknown. */
    private static final String UNPARSED_PATH = "/badMessage";
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrors.class);

    private final ObjectMapper json;
    private final BiFunction<Integer, String, String> htmlPage;

    /** {@code htmlPage} renders kb's error page for a status and a plain message. */
    JettyErrors(ObjectMapper json, BiFunction<Integer, String, String> htmlPage) {
        this.json = json;
        this.htmlPage = htmlPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = status(request, response.getStatus());
        if (status >= 500) {
            LOG.error("Jetty failed {} {} with {}", request.getMethod(), request.getHttpURI(), status,
                    (Throwable) request.getAttribute(ERROR_EXCEPTION));
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.ALL.forEach(headers::put);
        headers.put(HttpHeader.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String message = message(status);
        byte[] body;
        if (wantsJson(request)) {
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            body = json.writeValueAsBytes(new ApiError(code(status), message));
        } else {
            headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = page(status, message).getBytes(StandardCharsets.UTF_8);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** kb's page; should rendering fail, a bare page, so a refused request is never answered with a 500. */
    private String page(int status, String message) {
        try {
            return htmlPage.apply(status, message);
        } catch (RuntimeException e) {
            LOG.error("Could not render the error page for {}", status, e);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error — kb</title></head><body>"
                    + "<h1>Bad request</h1><p>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>";
        }
    }

    private static int status(Request request, int status) {
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
        }
        return clientStatus(status);
    }

    /** Only an unknown HTTP version is reported by Jetty as a 5xx although the client sent it. */
    private static int clientStatus(int status) {
        return status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : status;
    }

    /** By path when Jetty knows it; otherwise by what the client says it accepts, HTML being the browser's case. */
    private static boolean wantsJson(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path == null || path.equals(UNPARSED_PATH)) {
            path = pathOf(RequestTargets.rawTarget(request));
        }
        if (path != null) {
            return SecurityHeaders.isMachinePath(path);
        }
        HttpField accept = request.getHeaders().getField(HttpHeader.ACCEPT);
        return accept != null && accept.getValue().contains("json") && !accept.getValue().contains("text/html");
    }

    /** The path of a raw target such as {@code /api/passages/%zz?x=1} or {@code http://host/api/x}, undecoded. */
    static String pathOf(String target) {
        if (target == null) {
            return null;
        }
        int start = 0;
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < target.indexOf('/')) {
            start = target.indexOf('/', scheme + 3);
            if (start < 0) {
                return "/";
            }
        }
        int end = target.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = target.indexOf(stop, start);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return target.startsWith("/", start) ? target.substring(start, end) : null;
    }

    private static String code(int status) {
        io.javalin.http.HttpStatus known = io.javalin.http.HttpStatus.forStatus(status);
        return known == io.javalin.http.HttpStatus.UNKNOWN ? (status < 500 ? "bad_request" : "internal_error")
                : known.name().toLowerCase(Locale.ROOT);
    }

    private static String message(int status) {
        return switch (status) {
            case HttpStatus.BAD_REQUEST_400 -> "kb cannot read this request: it is not valid HTTP. Check the address for "
                    + "a broken %-escape (a % must be followed by two hexadecimal digits) and the headers for control "
                    + "characters.";
            case HttpStatus.URI_TOO_LONG_414 -> "The address is too long for kb to read. Shorten the query.";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "The request's headers are too large for kb to read; "
                    + "an oversized cookie is the usual cause.";
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "The request's body is too large.";
            default -> status >= 500 ? "Something went wrong on the server. The error has been logged."
                    : "kb cannot answer this request (HTTP " + status + ").";
        };
    }
}
