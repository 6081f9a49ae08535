package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word documents written with POI in the test are read into headings, passages, tables and references. */
class DocxReaderTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    private static XWPFParagraph para(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
        return p;
    }

    /** A report with a title property, a Title paragraph, headings, a list, a captioned table and references. */
    private Path report() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("Sleep and Shift Work");
            doc.getProperties().getCoreProperties().setCreator("Ada Lovelace; Alan Turing");
            para(doc, "Title", "Sleep and Shift Work");
            para(doc, null, "Night shifts disturb the body clock.");
            para(doc, "Heading1", "Findings");
            para(doc, "ListParagraph", "Naps help before a shift.").setNumID(BigInteger.ONE);
            para(doc, "ListParagraph", "Bright light helps at night.").setNumID(BigInteger.ONE);
            para(doc, "Heading2", "Hours slept");
            para(doc, "Caption", "Table 1. Hours slept by shift");
            XWPFTable t = doc.createTable(3, 2);
            String[][] cells = {{"Shift", "Hours"}, {"Day", "7.1"}, {"Night", "5.9"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 2; c++) {
                    t.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            XWPFParagraph outlined = para(doc, null, "Advice");
            outlined.getCTPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            para(doc, null, "Keep the bedroom dark.");
            para(doc, "Heading1", "References");
            para(doc, null, "Smith, J., & Jones, K. (2019). Shift work and sleep. Sleep Medicine, 12(3), 45-50.");
            para(doc, null, "Brown, A. (2021). Naps at work. Occupational Health, 4, 1-9.");
            Path file = dir.resolve("Shift Work.docx");
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
            return file;
        }
    }

    private Article read(Path file) {
        FileResult r = reader.readFile(dir, file);
        assertEquals(null, r.skipped(), () -> "skipped: " + r.skipped());
        return r.articles().get(0);
    }

    private SkippedFile skipped(Path file) {
        FileResult r = reader.readFile(dir, file);
        assertNotNull(r.skipped(), () -> "read: " + r.articles());
        return r.skipped();
    }

    @Test
    void headingsListsTablesAndReferencesBecomePassages() throws IOException {
        Article a = read(report());
        assertEquals("shift-work", a.slug());
        assertEquals("Sleep and Shift Work", a.title());
        assertEquals(List.of("Ada Lovelace", "Alan Turing"), a.meta().authors());
        List<String> texts = a.passages().stream().map(Passage::text).toList();
        assertEquals(List.of(
                "Night shifts disturb the body clock.",
                "Naps help before a shift.",
                "Bright light helps at night.",
                "Table 1. Hours slept by shift\nShift | Hours\nDay | 7.1\nNight | 5.9",
                "Keep the bedroom dark.",
                "Smith, J., & Jones, K. (2019). Shift work and sleep. Sleep Medicine, 12(3), 45-50.",
                "Brown, A. (2021). Naps at work. Occupational Health, 4, 1-9."), texts);
        List<Passage> p = a.passages();
        assertEquals(List.of(), p.get(0).sectionPath());
        assertEquals(List.of("Findings"), p.get(1).sectionPath());
        assertEquals(List.of("Findings", "Hours slept"), p.get(3).sectionPath());
        assertEquals(PassageKind.TABLE, p.get(3).kind());
        assertEquals(List.of("Advice"), p.get(4).sectionPath(), "an outline level makes a heading");
        assertEquals(PassageKind.REFERENCE, p.get(5).kind());
        assertEquals("Smith, J., & Jones, K.", p.get(5).reference().authors());
        assertEquals("2019", p.get(5).reference().year());
        assertEquals("Sleep Medicine", p.get(5).reference().journal());
        assertTrue(CitationOf.passage(a, p.get(3)).contains("table 1"), CitationOf.passage(a, p.get(3)));
    }

    @Test
    void titleFallsBackToTheFirstHeadingOneWhenThePropertyIsAPlaceholder() throws IOException {
        Path file = dir.resolve("notes.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle("Document1");
            doc.getProperties().getCoreProperties().setCreator("Administrator");
            para(doc, "Heading1", "Caring for a Cat");
            para(doc, null, "Cats need fresh water every day.");
            doc.write(out);
        }
        Article a = read(file);
        assertEquals("Caring for a Cat", a.title());
        assertEquals(List.of(), a.meta().authors());
        assertEquals(List.of("Cats need fresh water every day."), a.passages().stream().map(Passage::text).toList());
        assertEquals(List.of(), a.passages().get(0).sectionPath(), "the title heading is not a section");
    }

    @Test
    void encryptedDocxIsSkippedWithAReason() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            para(doc, null, "Secret text.");
            doc.write(plain);
        }
        Path file = dir.resolve("locked.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain.toByteArray());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertEquals(new SkippedFile("locked.docx", "encrypted (password-protected) Word file; save it without a password"),
                skipped(file));
    }

    @Test
    void corruptDocxIsSkippedWithAReason() throws IOException {
        Path zipGarbage = dir.resolve("broken.docx");
        Files.write(zipGarbage, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        assertTrue(skipped(zipGarbage).reason().startsWith("damaged Word file: "), skipped(zipGarbage).reason());
        Path text = dir.resolve("renamed.docx");
        Files.writeString(text, "just some text, not a Word file", StandardCharsets.UTF_8);
        assertEquals("not a Word document (damaged, or another format named .docx)", skipped(text).reason());
        Path empty = dir.resolve("empty.docx");
        Files.write(empty, new byte[0]);
        assertEquals("empty file", skipped(empty).reason());
    }

    @Test
    void oldBinaryWordIsUnsupportedWithAdvice() throws IOException {
        Path doc = dir.resolve("old.doc");
        Files.write(doc, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        assertEquals("unsupported file type .doc (old binary Word); save it as .docx", skipped(doc).reason());
    }
}
