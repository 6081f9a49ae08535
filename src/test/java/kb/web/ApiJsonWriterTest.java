package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kb.search.Expansion;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiJsonWriter} must write exactly what Jackson's record serialization writes for the same page (the
 * published API), including nulls, escapes, non-ASCII text, nested arrays and floats.
 */
class ApiJsonWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesTheSameBytesAsJacksonForAFullPage() throws Exception {
        ApiJson.Hit withPage = new ApiJson.Hit("a#p1", "a", "Title \"quoted\" <b>", "Section é", List.of("Top", "Sub ✓"),
                "paragraph", "text with\nnew line and \\ backslash and \u0001", "<mark>text</mark>",
                List.of(new int[] {0, 4}, new int[] {10, 14}), "/articles/a#p1", "Author (2020). Title.", 3, "both",
                1.2345678f);
        ApiJson.Hit noPage = new ApiJson.Hit("b#p2", "b", "B", null, List.of(), "table", "t", "t", List.of(),
                "/articles/b#p2", null, null, "meaning", 0f);
        ApiJson.Page page = new ApiJson.Page("ketamine \"depression\"", 12_345_678_901L, 7, false, 3, 2, 10,
                List.of(new ApiJson.Article("a", "Title", 9.75f, 4, "/articles/a?q=ketamine")), List.of(withPage, noPage),
                new ApiJson.Facets(List.of(new ApiJson.Facet("a", "Title", 3)), List.of(new ApiJson.Facet("a/s", "Top › Sub", 1))),
                List.of("ketamines"), null, List.of(new Expansion("NMDA", "N-methyl-D-aspartate", Expansion.ABBREVIATION)),
                "hybrid");
        assertEquals(JACKSON.writeValueAsString(page), new String(ApiJsonWriter.page(page), StandardCharsets.UTF_8));
    }

    @Test
    void writesTheSameBytesAsJacksonForAnEmptyPageWithNullLists() throws Exception {
        ApiJson.Page page = new ApiJson.Page("", 0, 0, true, 0, 1, 10, List.of(), List.of(),
                new ApiJson.Facets(List.of(), List.of()), null, "corrected", null, "lexical");
        String written = new String(ApiJsonWriter.page(page), StandardCharsets.UTF_8);
        assertEquals(JACKSON.writeValueAsString(page), written);
        assertTrue(written.contains("\"suggestions\":null"), written);
    }
}
