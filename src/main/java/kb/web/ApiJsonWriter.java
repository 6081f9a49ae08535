package kb.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import kb.search.Expansion;

/**
 * Writes the body of {@code /api/search} ({@link ApiJson.Page}) straight from its records with one streaming
 * {@link JsonGenerator}: no serializer lookup and no reflective accessor call per request, into a buffer sized for
 * a typical page. Rule: the output is the same JSON, field for field and in the same order, as Jackson's
 * record serialization of the same page (the published API; {@code ApiJsonWriterTest} compares the two); a null
 * field is written as {@code null}, as Jackson does by default.
 */
final class ApiJsonWriter {
    /** A page of 10 hits with their text and snippets is 10–30 KB: one allocation for most, at most two doublings. */
    static final int INITIAL_BYTES = 16 * 1024;

    private static final JsonFactory FACTORY = new JsonFactory();

    private ApiJsonWriter() {}

    static byte[] page(ApiJson.Page p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BYTES);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("query", p.query());
            g.writeNumberField("total", p.total());
            g.writeNumberField("wordMatches", p.wordMatches());
            g.writeBooleanField("totalExact", p.totalExact());
            g.writeNumberField("tookMs", p.tookMs());
            g.writeNumberField("page", p.page());
            g.writeNumberField("size", p.size());
            g.writeArrayFieldStart("articles");
            for (ApiJson.Article a : p.articles()) {
                g.writeStartObject();
                g.writeStringField("slug", a.slug());
                g.writeStringField("title", a.title());
                g.writeNumberField("score", a.score());
                g.writeNumberField("passages", a.passages());
                g.writeStringField("url", a.url());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("hits");
            for (ApiJson.Hit h : p.hits()) {
                hit(g, h);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("facets");
            facets(g, "articles", p.facets().articles());
            facets(g, "sections", p.facets().sections());
            g.writeEndObject();
            strings(g, "suggestions", p.suggestions());
            g.writeStringField("correctedQuery", p.correctedQuery());
            if (p.expansions() == null) {
                g.writeNullField("expansions");
            } else {
                g.writeArrayFieldStart("expansions");
                for (Expansion e : p.expansions()) {
                    g.writeStartObject();
                    g.writeStringField("term", e.term());
                    g.writeStringField("meaning", e.meaning());
                    g.writeStringField("source", e.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeStringField("mode", p.mode());
            g.writeEndObject();
        } catch (IOException e) {
            // A ByteArrayOutputStream never fails to write; Jackson declares the exception for other targets.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void hit(JsonGenerator g, ApiJson.Hit h) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", h.id());
        g.writeStringField("article", h.article());
        g.writeStringField("title", h.title());
        g.writeStringField("section", h.section());
        strings(g, "sectionPath", h.sectionPath());
        g.writeStringField("kind", h.kind());
        g.writeStringField("text", h.text());
        g.writeStringField("snippet", h.snippet());
        g.writeArrayFieldStart("matches");
        for (int[] m : h.matches()) {
            g.writeArray(m, 0, m.length);
        }
        g.writeEndArray();
        g.writeStringField("url", h.url());
        g.writeStringField("citation", h.citation());
        if (h.page() == null) {
            g.writeNullField("page");
        } else {
            g.writeNumberField("page", h.page());
        }
        g.writeStringField("matchedBy", h.matchedBy());
        g.writeNumberField("score", h.score());
        g.writeEndObject();
    }

    private static void facets(JsonGenerator g, String name, List<ApiJson.Facet> facets) throws IOException {
        g.writeArrayFieldStart(name);
        for (ApiJson.Facet f : facets) {
            g.writeStartObject();
            g.writeStringField("value", f.value());
            g.writeStringField("label", f.label());
            g.writeNumberField("count", f.count());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values == null) {
            g.writeNullField(name);
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
