package kb.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF into an article with PDFBox: text in reading order, page by page ({@link PdfLayout}), without running
 * headers, footers and page numbers ({@link RunningHeaders}), titled by {@link PdfTitle} and split into sections and
 * passages by {@link PdfStructure}; every passage carries the page it starts on. The file is read through a scratch
 * file rather than the heap, so a PDF of hundreds of pages fits the default heap. Encrypted PDFs (a password, or no
 * permission to extract text), PDFs with no text layer, damaged or truncated ones and those over
 * {@link #MAX_BYTES} are skipped with a one-line reason.
 */
final class PdfReader {
    /** Larger than the corpus's limit for text files: a PDF's size is mostly images, which are never decoded. */
    static final long MAX_BYTES = 500L * 1024 * 1024;
    static final String SCANNED = "scanned PDF without a text layer; OCR is not supported";

    private PdfReader() {}

    static Article read(Path file, String slug, String sourceFile, String stem) throws IOException, SkipException {
        long size = Files.size(file);
        if (size == 0) {
            throw new SkipException("empty file");
        }
        if (size > MAX_BYTES) {
            throw new SkipException("too large: " + size + " bytes, over the PDF limit of " + MAX_BYTES + " bytes");
        }
        try (PDDocument doc = load(file)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new SkipException("encrypted PDF that does not permit text extraction");
            }
            if (doc.getNumberOfPages() == 0) {
                throw new SkipException("damaged PDF: no pages");
            }
            List<PdfLines.Page> pages;
            try {
                pages = PdfLines.read(doc);
            } catch (IOException e) {
                throw new SkipException("damaged PDF: " + reason(e));
            }
            if (pages.stream().mapToInt(PdfLines.Page::letters).sum() == 0) {
                throw new SkipException(hasImages(doc) ? SCANNED : "no text found");
            }
            return article(doc, pages, slug, sourceFile, stem);
        }
    }

    private static Article article(PDDocument doc, List<PdfLines.Page> pages, String slug, String sourceFile,
            String stem) throws SkipException {
        List<List<PdfLayout.Line>> ordered = new ArrayList<>();
        for (PdfLines.Page page : pages) {
            ordered.add(PdfLayout.order(page));
        }
        List<PdfLayout.Line> lines = RunningHeaders.remove(ordered, pages);
        PDDocumentInformation info = doc.getDocumentInformation();
        PdfTitle.Found title = PdfTitle.find(info.getTitle(), lines, pages.get(0));
        List<String> authors = PdfTitle.authors(info.getAuthor(), lines, title.lines());
        Set<PdfLayout.Line> skip = new HashSet<>(title.lines());
        if (title.title() != null) {
            lines = RunningHeaders.removeTitleHeads(lines, pages, title.title(), skip);
        }
        skip.addAll(banner(lines, title.lines()));
        ArticleBuilder builder = new ArticleBuilder(slug, title.title() == null ? stem : title.title(), sourceFile,
                new ArticleMeta(authors, "", ""));
        PdfStructure.build(builder, lines, skip);
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    /** What page 1 sets above the title (journal, volume, licence, DOI, "Open Access"): a banner, not text. */
    private static List<PdfLayout.Line> banner(List<PdfLayout.Line> lines, List<PdfLayout.Line> titleLines) {
        if (titleLines.isEmpty()) {
            return List.of();
        }
        PdfLayout.Line first = titleLines.get(0);
        List<PdfLayout.Line> banner = new ArrayList<>();
        for (PdfLayout.Line l : lines) {
            if (l.page() == first.page() && l.y() < first.y() - first.size()) {
                banner.add(l);
            }
        }
        return banner;
    }

    private static PDDocument load(Path file) throws IOException, SkipException {
        RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file);
        try {
            return Loader.loadPDF(in, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            in.close();
            throw new SkipException("encrypted PDF: a password is needed to open it");
        } catch (IOException e) {
            in.close();
            throw new SkipException("damaged or truncated PDF: " + reason(e));
        }
    }

    private static boolean hasImages(PDDocument doc) {
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.isImageXObject(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Messages.firstLine(m);
    }
}
