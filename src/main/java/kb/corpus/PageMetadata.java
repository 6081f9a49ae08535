package kb.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page's title and {@link ArticleMeta}, from the head as scholarly and news sites write it: Highwire
 * {@code citation_*} tags first (what Google Scholar reads), then Open Graph, JSON-LD ({@code headline},
 * {@code author}, {@code datePublished}) and plain {@code author}/{@code date} tags; {@code <title>} last, without
 * its site suffix (" | CDC", " - Wikipedia").
 */
final class PageMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A title's last part after one of these is the site's name when it is short. */
    private static final Pattern SITE_SUFFIX = Pattern.compile("^(.+?)\\s+(?:[|\\-–—·»]|::)\\s+([^|\\-–—·»]{1,40})$");
    private static final Pattern DOI = Pattern.compile("\\b(10\\.\\d{4,9}/\\S+)");

    private PageMetadata() {}

    /** The page's title, or "" when it has none. */
    static String title(Document doc) {
        String t = content(doc, "meta[name=citation_title], meta[name=dc.title]");
        if (t.isEmpty()) {
            t = withoutSiteName(content(doc, "meta[property=og:title], meta[name=og:title], meta[name=twitter:title]"),
                    content(doc, "meta[property=og:site_name], meta[name=og:site_name]"));
        }
        if (t.isEmpty()) {
            t = jsonLd(doc, "headline");
        }
        if (t.isEmpty()) {
            t = withoutSiteSuffix(TextNormalizer.oneLine(doc.title()));
        }
        if (t.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            t = h1 == null ? "" : TextNormalizer.oneLine(h1.text());
        }
        return t;
    }

    /** "Story - BBC News" gives "Story" when the site calls itself "BBC News" ({@code og:site_name}). */
    static String withoutSiteName(String title, String siteName) {
        Matcher m = SITE_SUFFIX.matcher(title);
        if (!siteName.isEmpty() && m.matches() && m.group(2).strip().equalsIgnoreCase(siteName.strip())) {
            return m.group(1).strip();
        }
        return title;
    }

    /** "Flu Symptoms | CDC" gives "Flu Symptoms": a last part of at most three words after a separator goes. */
    static String withoutSiteSuffix(String title) {
        Matcher m = SITE_SUFFIX.matcher(title);
        if (m.matches() && m.group(2).strip().split("\\s+").length <= 3) {
            return m.group(1).strip();
        }
        return title;
    }

    static ArticleMeta meta(Document doc) {
        List<String> authors = all(doc, "meta[name=citation_author]");
        if (authors.isEmpty()) {
            authors = all(doc, "meta[name=author], meta[name=dc.creator], meta[property=article:author]");
            authors.removeIf(a -> a.matches("(?i)https?://.*"));
        }
        if (authors.isEmpty()) {
            authors = jsonLdAuthors(doc);
        }
        String date = content(doc, "meta[name=citation_publication_date]");
        if (date.isEmpty()) {
            date = content(doc, "meta[name=citation_date], meta[name=citation_online_date], meta[name=date], "
                    + "meta[name=dc.date], meta[property=article:published_time]");
        }
        if (date.isEmpty()) {
            date = jsonLd(doc, "datePublished");
        }
        String doi = content(doc, "meta[name=citation_doi], meta[name=dc.identifier], meta[name=prism.doi]");
        Matcher d = DOI.matcher(doi);
        doi = d.find() ? d.group(1) : "";
        String journal = content(doc, "meta[name=citation_journal_title]");
        Element canonical = doc.selectFirst("link[rel=canonical]");
        String url = canonical == null ? "" : canonical.attr("href").strip();
        if (url.isEmpty()) {
            url = content(doc, "meta[property=og:url]");
        }
        return new ArticleMeta(authors, date, url, doi, journal);
    }

    private static String content(Document doc, String selector) {
        for (Element m : doc.select(selector)) {
            String v = TextNormalizer.oneLine(m.attr("content"));
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static List<String> all(Document doc, String selector) {
        List<String> values = new ArrayList<>();
        for (Element m : doc.select(selector)) {
            String v = TextNormalizer.oneLine(m.attr("content"));
            if (!v.isEmpty() && !values.contains(v)) {
                values.add(v);
            }
        }
        return values;
    }

    /** The first JSON-LD object's text value for {@code key} (objects in a list or an @graph count too). */
    private static String jsonLd(Document doc, String key) {
        for (JsonNode n : jsonLdObjects(doc)) {
            JsonNode v = n.get(key);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return TextNormalizer.oneLine(v.asText());
            }
        }
        return "";
    }

    private static List<String> jsonLdAuthors(Document doc) {
        List<String> authors = new ArrayList<>();
        for (JsonNode n : jsonLdObjects(doc)) {
            JsonNode a = n.get("author");
            if (a == null) {
                continue;
            }
            for (JsonNode one : a.isArray() ? a : List.of(a)) {
                String name = one.isValueNode() ? one.asText() : one.path("name").asText("");
                name = TextNormalizer.oneLine(name);
                if (!name.isEmpty() && !authors.contains(name)) {
                    authors.add(name);
                }
            }
            if (!authors.isEmpty()) {
                break;
            }
        }
        return authors;
    }

    private static List<JsonNode> jsonLdObjects(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = JSON.readTree(script.data());
                collect(root, objects);
            } catch (Exception e) {
                // A page's broken JSON-LD is its own problem; the other sources of metadata still apply.
            }
        }
        return objects;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }
}
