package kb.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file's optional YAML front matter (title, authors/author, date, url/source) and the body after it.
 * Front matter that cannot be read makes the file a skip with a reason, rather than letting its header pass for
 * the article's first paragraph.
 */
final class MarkdownFrontMatter {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern PLAIN_KEY_VALUE =
            Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*):[ \\t]+([^\\[\\]{}\"'|>&*!%@`#\\s-].*)$");

    /** The parsed key: value pairs, or null when the file has no front matter (or an empty one). */
    private final JsonNode front;
    private final String body;

    private MarkdownFrontMatter(JsonNode front, String body) {
        this.front = front;
        this.body = body;
    }

    /** Splits {@code normalizedText} into its front matter and the Markdown body after it. */
    static MarkdownFrontMatter split(String normalizedText) throws SkipException {
        String body = normalizedText;
        JsonNode front = null;
        if (normalizedText.startsWith("---\n") || normalizedText.equals("---")) {
            int close = findClose(normalizedText);
            if (close < 0) {
                throw new SkipException("invalid front matter: no closing '---' line");
            }
            String yaml = normalizedText.substring(4, Math.max(4, close));
            int afterClose = normalizedText.indexOf('\n', close);
            body = afterClose < 0 ? "" : normalizedText.substring(afterClose + 1);
            front = parseFrontMatter(yaml);
        }
        return new MarkdownFrontMatter(front, body);
    }

    /** The text after the front matter: all of it when there is none. */
    String body() {
        return body;
    }

    /** The front matter's title on one line, or "". */
    String title() {
        return text(front, "title");
    }

    /** Authors, date and url as the front matter gives them; none without front matter. */
    ArticleMeta meta() {
        if (front == null) {
            return ArticleMeta.EMPTY;
        }
        List<String> authors = new ArrayList<>();
        for (String key : List.of("authors", "author")) {
            JsonNode a = front.get(key);
            if (a == null || a.isNull()) {
                continue;
            }
            if (a.isArray()) {
                a.forEach(n -> {
                    if (!n.isContainerNode() && !n.asText().isBlank()) {
                        authors.add(TextNormalizer.oneLine(n.asText()));
                    }
                });
            } else if (!a.isContainerNode() && !a.asText().isBlank()) {
                authors.add(TextNormalizer.oneLine(a.asText()));
            }
            if (!authors.isEmpty()) {
                break;
            }
        }
        String url = text(front, "url");
        String source = text(front, "source");
        if (url.isEmpty() && source.matches("(?i)https?://\\S+")) {
            url = source;
        }
        return new ArticleMeta(authors, text(front, "date"), url);
    }

    /** Index of the closing front-matter line ("---" or "..."), or -1. */
    private static int findClose(String text) {
        int pos = text.indexOf('\n');
        while (pos >= 0 && pos < text.length()) {
            int start = pos + 1;
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            if (line.equals("---") || line.equals("...")) {
                return start;
            }
            pos = end;
        }
        return -1;
    }

    private static JsonNode parseFrontMatter(String yaml) throws SkipException {
        if (yaml.isBlank()) {
            return null;
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw new SkipException("invalid front matter: not a list of key: value pairs");
            }
            return node;
        } catch (JacksonException e) {
            JsonNode flat = plainKeyValues(yaml);
            if (flat != null) {
                return flat;
            }
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new SkipException("invalid front matter: " + Messages.firstLine(msg));
        }
    }

    /**
     * Real front matter is often written by hand or by scripts that do not quote values, e.g. MedQuAD's
     * "title: Kidney Failure: Choosing a Treatment", which YAML rejects. When every line is a plain top-level
     * "key: value" whose value does not start with YAML syntax, the values are taken verbatim; anything else
     * stays an error.
     */
    private static JsonNode plainKeyValues(String yaml) {
        ObjectNode node = YAML.createObjectNode();
        for (String line : yaml.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = PLAIN_KEY_VALUE.matcher(line);
            if (!m.matches()) {
                return null;
            }
            node.put(m.group(1), m.group(2).strip());
        }
        return node.isEmpty() ? null : node;
    }

    private static String text(JsonNode front, String key) {
        if (front == null || !front.hasNonNull(key) || front.get(key).isContainerNode()) {
            return "";
        }
        return TextNormalizer.oneLine(front.get(key).asText());
    }
}
