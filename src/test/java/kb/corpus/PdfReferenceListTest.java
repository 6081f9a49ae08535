package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference lists as publishers set them become one parsed reference passage per entry. */
class PdfReferenceListTest {
    @TempDir
    Path tmp;

    private List<Passage> references(Path pdf) throws IOException {
        FileResult r = new CorpusReader().readFile(tmp, pdf);
        assertEquals(List.of(), r.allSkipped());
        return r.articles().get(0).passages().stream().filter(p -> p.kind() == PassageKind.REFERENCE).toList();
    }

    @Test
    void entryNumbersSetApartByATabStayWithTheirEntries() throws IOException {
        List<Passage> refs = references(PdfFixtures.tabbedReferences(tmp.resolve("bmc.pdf")));
        assertEquals(6, refs.size(), refs.stream().map(Passage::text).toList().toString());
        Reference first = refs.get(0).reference();
        assertEquals(1, first.number());
        assertEquals("Ovretveit J, Serouri A", first.authors());
        assertEquals("2006", first.year());
        assertEquals("Int J Health Care Qual Assur", first.journal());
        assertEquals(6, refs.get(5).reference().number());
        assertEquals("Durand M", refs.get(5).reference().authors());
    }
}
