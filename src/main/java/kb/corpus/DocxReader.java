package kb.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a Word (.docx) document with Apache POI: heading-styled paragraphs (or paragraphs with an outline level) as
 * the section path, every other paragraph and list item as one passage, each table as one {@code table} passage
 * with the caption-styled paragraph next to it, and entries under a reference-list heading as parsed references.
 * The title is the document's own title property when it is a real one, else the first Title or Heading 1
 * paragraph; the author is the creator property. Headers, footers, footnotes, comments and text boxes are not read.
 */
final class DocxReader {
    private DocxReader() {}

    static Article read(Path file, String slug, String sourceFile, String stem) throws IOException, SkipException {
        checkContainer(file);
        XWPFDocument doc;
        try {
            doc = new XWPFDocument(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (InvalidFormatException | UnsupportedFileFormatException | POIXMLException
                | OpenXML4JRuntimeException | IOException e) {
            throw new SkipException("damaged Word file: " + reason(e));
        }
        // A read-only package is reverted, never written back, when the document closes.
        try (doc) {
            return read(doc, slug, sourceFile, stem);
        } catch (POIXMLException | OpenXML4JRuntimeException e) {
            throw new SkipException("damaged Word file: " + reason(e));
        }
    }

    /**
     * A .docx is a zip package; an encrypted one is an OLE2 container instead (Office wraps the encrypted package in
     * it), and so is an old .doc renamed. Telling them apart up front gives each its own plain reason.
     */
    private static void checkContainer(Path file) throws IOException, SkipException {
        if (Files.size(file) == 0) {
            throw new SkipException("empty file");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    throw new SkipException("encrypted (password-protected) Word file; save it without a password");
                }
                if (fs.getRoot().hasEntry("WordDocument")) {
                    throw new SkipException("old binary Word (.doc) file named .docx; save it as .docx");
                }
            } catch (IOException | RuntimeException e) {
                throw new SkipException("damaged Word file: " + reason(e));
            }
        }
        throw new SkipException("not a Word document (damaged, or another format named .docx)");
    }

    private static Article read(XWPFDocument doc, String slug, String sourceFile, String stem) throws SkipException {
        List<IBodyElement> body = doc.getBodyElements();
        DocxStyles styles = new DocxStyles(doc.getStyles());
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        String firstLine = "";
        String firstHeadingTitle = "";
        for (IBodyElement e : body) {
            if (e instanceof XWPFParagraph p && !text(p).isEmpty()) {
                int level = styles.headingLevel(p);
                if (firstLine.isEmpty() && level < 0 && !styles.isCaption(p)) {
                    firstLine = TitleGuess.ofLine(text(p));
                }
                if (level == DocxStyles.TITLE || level == 1) {
                    firstHeadingTitle = text(p);
                    break;
                }
            }
        }
        String title = TitleGuess.first(DocxProperties.realTitle(core.getTitle(), stem), firstHeadingTitle, firstLine, stem);
        ArticleBuilder builder = new ArticleBuilder(slug, title, sourceFile,
                new ArticleMeta(DocxProperties.authors(core.getCreator()), "", ""));
        new Walker(builder, styles, title.equals(firstLine) && firstHeadingTitle.isEmpty()).body(body);
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    /** A paragraph's own text on one line; objects in it (pictures, footnote marks) add nothing. */
    static String text(XWPFParagraph p) {
        return TextNormalizer.oneLine(p.getParagraphText());
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Messages.firstLine(msg);
    }

    private static final class Walker {
        private final ArticleBuilder builder;
        private final DocxStyles styles;
        private final SectionPath path = new SectionPath();
        private boolean titleSkipped;
        private boolean skipFirstLine;

        Walker(ArticleBuilder builder, DocxStyles styles, boolean titleIsFirstLine) {
            this.builder = builder;
            this.styles = styles;
            this.skipFirstLine = titleIsFirstLine;
            builder.section(List.of());
        }

        void body(List<IBodyElement> elements) {
            for (int i = 0; i < elements.size(); i++) {
                IBodyElement e = elements.get(i);
                if (e instanceof XWPFTable t) {
                    table(t, captionOf(elements, i));
                } else if (e instanceof XWPFParagraph p) {
                    if (!isTableCaption(elements, i)) {
                        paragraph(p);
                    }
                } else if (e instanceof XWPFSDT sdt) {
                    // A content control (often a table of contents): its lines that are not "Heading<TAB>page".
                    for (String line : sdt.getContent().getText().split("\n")) {
                        if (!line.matches(".*\\t\\s*\\d+\\s*$")) {
                            entry(TextNormalizer.oneLine(line));
                        }
                    }
                }
            }
        }

        private String caption(List<IBodyElement> elements, int i) {
            return i >= 0 && i < elements.size() && elements.get(i) instanceof XWPFParagraph p && styles.isCaption(p)
                    ? text(p) : "";
        }

        /**
         * A caption belongs to the table right after it (Word puts table captions above), else to the table right
         * before it when that table has none above.
         */
        private boolean isTableCaption(List<IBodyElement> elements, int i) {
            if (caption(elements, i).isEmpty()) {
                return false;
            }
            boolean tableAfter = i + 1 < elements.size() && elements.get(i + 1) instanceof XWPFTable;
            boolean tableBefore = i > 0 && elements.get(i - 1) instanceof XWPFTable;
            return tableAfter || (tableBefore && caption(elements, i - 2).isEmpty());
        }

        private String captionOf(List<IBodyElement> elements, int table) {
            String before = caption(elements, table - 1);
            if (!before.isEmpty()) {
                return before;
            }
            boolean nextTableClaims = table + 2 < elements.size() && elements.get(table + 2) instanceof XWPFTable;
            return nextTableClaims ? "" : caption(elements, table + 1);
        }

        private void paragraph(XWPFParagraph p) {
            String text = text(p);
            if (text.isEmpty() || styles.isTableOfContents(p)) {
                return;
            }
            int level = styles.headingLevel(p);
            if (level == DocxStyles.TITLE) {
                if (!titleSkipped && text.equalsIgnoreCase(builder.title())) {
                    titleSkipped = true;
                } else {
                    entry(text);
                }
                skipFirstLine = false;
            } else if (level > 0) {
                skipFirstLine = false;
                if (!titleSkipped && level == 1 && path.isEmpty() && text.equalsIgnoreCase(builder.title())) {
                    titleSkipped = true;
                    return;
                }
                path.enter(level, text);
                builder.section(path.headings(), path.isReferences() ? PassageKind.REFERENCE : PassageKind.PARAGRAPH);
            } else if (skipFirstLine) {
                // The first line was taken as the title; it is not also a passage.
                skipFirstLine = false;
            } else if (styles.isCaption(p)) {
                builder.add(text, PassageKind.CAPTION);
            } else {
                entry(text);
            }
        }

        private void entry(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (path.isReferences()) {
                ReferenceSections.addEntry(builder, text);
            } else {
                builder.add(text);
            }
        }

        private void table(XWPFTable t, String caption) {
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow row : t.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    cells.add(TextNormalizer.oneLine(cell.getText()));
                }
                rows.add(cells);
            }
            // A one-cell table is a box around text (a layout device), not data: its paragraphs are passages.
            if (rows.size() == 1 && rows.get(0).size() == 1) {
                for (XWPFParagraph p : t.getRow(0).getCell(0).getParagraphs()) {
                    paragraph(p);
                }
                return;
            }
            skipFirstLine = false;
            String text = rows.isEmpty() ? "" : TableText.of(caption, rows.get(0), rows.subList(1, rows.size()));
            builder.add(text, PassageKind.TABLE);
        }
    }
}
