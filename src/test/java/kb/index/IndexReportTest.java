package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kb.corpus.SkippedFile;
import org.junit.jupiter.api.Test;

/** The index report counts skipped files by kind of reason before listing them one per line. */
class IndexReportTest {
    private static IndexReport report(List<SkippedFile> skipped) {
        return new IndexReport(2, 2, Map.of("paragraph", 5, "table", 1), skipped, 2_000, 1_500, true, 0,
                Indexer.Mode.INCREMENTAL, new IndexReport.Changes(2, 0, 0, 0), false, 0, "");
    }

    @Test
    void skippedFilesAreGroupedByReasonThenListed() {
        String summary = report(List.of(
                new SkippedFile("a.doc", "unsupported file type .doc (old binary Word); save it as .docx"),
                new SkippedFile("b.xlsx", "unsupported file type .xlsx"),
                new SkippedFile("c.docx", "encrypted (password-protected) Word file; save it without a password"),
                new SkippedFile("d.txt", "too large: 505 bytes, over the limit of 100 bytes"))).summary();
        List<String> lines = summary.lines().toList();
        assertTrue(lines.get(0).startsWith("Indexed 2 articles, 6 passages (5 paragraph, 1 table) from 2 files"), summary);
        assertEquals("Incremental update: 2 added, 0 changed, 0 deleted, 0 unchanged.", lines.get(1));
        assertEquals("Skipped 4 files: 2 unsupported file type, 1 encrypted, 1 too large.", lines.get(2));
        assertEquals("  a.doc: unsupported file type .doc (old binary Word); save it as .docx", lines.get(3));
        assertEquals("  d.txt: too large: 505 bytes, over the limit of 100 bytes", lines.get(6));
    }

    @Test
    void aReasonWithoutParticularsIsItsOwnKind() {
        assertEquals("symbolic link", IndexReport.reasonKind("symbolic link, not followed"));
        assertEquals("empty file", IndexReport.reasonKind("empty file"));
        assertEquals("scanned PDF", IndexReport.reasonKind("scanned PDF: no text layer on 12 pages"));
        assertEquals("Skipped 1 file: 1 no text found.", report(List.of(new SkippedFile("x.md", "no text found")))
                .summary().lines().filter(l -> l.startsWith("Skipped")).findFirst().orElseThrow());
    }
}
