package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heading may hold the "›" that joins a section path ("Home › Drugs", a saved page's breadcrumb): its section
 * stays one heading, apart from a section "Drugs" under a heading "Home", in the facets and in the filter.
 */
class SectionKeysTest {
    @TempDir
    Path tmp;

    @Test
    void aHeadingWithTheSeparatorIsOneSectionApartFromTheNestedOne() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("guide.md"), "# Guide\n\n## Home › Drugs\n\nKetamine dose one.\n\n"
                + "## Home\n\n### Drugs\n\nKetamine dose two.\n\n### Next ›\n\nKetamine dose three.\n");
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, tmp.resolve("index"));
        try (LuceneSearchEngine engine = LuceneSearchEngine.open(tmp.resolve("index"))) {
            List<FacetCount> sections = engine.search(SearchRequest.of("ketamine")).facets().sections();
            List<List<String>> paths = sections.stream().map(FacetCount::path).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
            assertEquals(List.of(List.of("Home › Drugs"), List.of("Home", "Drugs"), List.of("Home", "Next ›")), paths);
            for (FacetCount section : sections) {
                assertEquals(1, section.count(), section.toString());
                assertEquals(section.path().get(section.path().size() - 1), section.label());
                assertEquals(1, engine.search(new SearchRequest("ketamine", 1, 10, null, section.value())).total(),
                        "the filter " + section.value() + " selects its own passage");
            }
        }
    }

    @Test
    void aKeyGivesBackTheHeadingsItWasMadeOf() {
        for (List<String> headings : List.<List<String>>of(List.of(), List.of("Binding"), List.of("Home › Drugs"),
                List.of("Next ›", "B"), List.of("A", "›B", "C › D › E"), List.of("", "Doses"))) {
            assertEquals(headings, Fields.sectionPath(Fields.sectionKey(headings)), headings.toString());
        }
        assertEquals("Binding › NMDA receptors", Fields.sectionKey(List.of("Binding", "NMDA receptors")),
                "a key without a \"›\" of its own is the headings joined, as every saved filter link has it");
    }
}
