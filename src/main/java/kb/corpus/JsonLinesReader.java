package kb.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a JSON Lines file (BEIR/SciFact style): one article per line with {@code _id} or {@code id} (string or
 * number, taken as written; used as the slug exactly), optional {@code title} (defaults to the id), {@code text} and optional
 * {@code url}. A bad line is reported as {@code file:LINE} and the other lines are still read.
 */
final class JsonLinesReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n");

    /** How many articles were handed on, and the lines that could not be read. */
    record Result(int articles, List<SkippedFile> badLines) {}

    private JsonLinesReader() {}

    /**
     * Reads the decoded file line by line, handing each article to {@code sink} as soon as its line is read (so an
     * indexer works on the first records while later ones are parsed). {@code slugs} makes ids unique across the
     * whole scan: a line whose id is already taken is reported rather than renamed, because a JSON Lines id is the
     * article's identity.
     */
    static Result read(String text, String sourceFile, Slugs.Registry slugs, Consumer<Article> sink) {
        int articles = 0;
        List<SkippedFile> bad = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            int lineNo = 0;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Article a;
                try {
                    a = article(line, sourceFile);
                    if (!slugs.claim(a.slug(), sourceFile)) {
                        String keeper = slugs.keeperOf(a.slug());
                        throw new SkipException(keeper == null || SlugBook.isRecordFile(keeper)
                                ? "duplicate id \"" + a.slug() + "\""
                                : "id \"" + a.slug() + "\" is already the id of " + keeper + "; give this record another id");
                    }
                } catch (SkipException e) {
                    bad.add(new SkippedFile(sourceFile + ":" + lineNo, e.getMessage()));
                    continue;
                } catch (RuntimeException e) {
                    // Earlier lines have been handed on already: a parser bug on one line is that line's problem.
                    bad.add(new SkippedFile(sourceFile + ":" + lineNo, "cannot parse: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + Messages.firstLine(e.getMessage()))));
                    continue;
                }
                // Outside the try: what the consumer throws is its own failure, not this line's.
                sink.accept(a);
                articles++;
            }
        } catch (IOException e) {
            // A StringReader cannot fail; this is unreachable but the API declares it.
            throw new IllegalStateException(e);
        }
        return new Result(articles, bad);
    }

    private static Article article(String line, String sourceFile) throws SkipException {
        JsonNode node;
        try {
            node = JSON.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage() == null ? "cannot parse" : e.getOriginalMessage();
            throw new SkipException("invalid JSON: " + Messages.firstLine(msg));
        }
        if (node == null || !node.isObject()) {
            throw new SkipException("not a JSON object");
        }
        String id = rawId(line, node.has("_id") ? "_id" : "id");
        if (id.isEmpty()) {
            throw new SkipException("missing id (\"_id\" or \"id\")");
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || textNode.isNull() || !textNode.isValueNode()) {
            throw new SkipException("missing text");
        }
        String title = TextNormalizer.oneLine(scalar(node.get("title")));
        String url = scalar(node.get("url")).strip();
        ArticleBuilder builder = new ArticleBuilder(id, title.isEmpty() ? id : title, sourceFile,
                new ArticleMeta(List.of(), "", url));
        builder.section(List.of());
        for (String paragraph : BLANK_LINES.split(TextNormalizer.normalize(textNode.asText()))) {
            builder.add(paragraph.replace('\n', ' ').strip());
        }
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    /**
     * The record's id exactly as written: a number is taken as its text ("1e999999", "007"), never parsed, since a
     * double would turn it into "Infinity" or "7". Empty when the id is missing, null or not a scalar.
     */
    private static String rawId(String line, String field) throws SkipException {
        try (JsonParser parser = JSON.getFactory().createParser(line.startsWith("\uFEFF") ? line.substring(1) : line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText().strip() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            throw new SkipException("invalid JSON: " + Messages.firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String scalar(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return "";
        }
        return n.asText().strip();
    }
}
