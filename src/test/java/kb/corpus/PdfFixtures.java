package kb.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFs made with PDFBox for the tests: a three-page two-column article with a running header, page numbers, a
 * line-end hyphenation, a ligature, numbered headings, a caption and a reference list; an encrypted one; one whose
 * only page is an image; and a truncated copy.
 */
final class PdfFixtures {
    static final float WIDTH = PDRectangle.LETTER.getWidth();
    static final float HEIGHT = PDRectangle.LETTER.getHeight();
    static final float LEFT = 56;
    static final float RIGHT = 320;
    static final String HEADER = "Journal of Fixture Studies 12 (2024) 1-3";

    private PdfFixtures() {}

    /** Writes the two-column article and returns its path. */
    static Path article(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont body = ligatureFont(doc);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            doc.getDocumentInformation().setTitle("Microsoft Word - draft7.doc");

            try (Page p = new Page(doc, 1, body)) {
                p.text(bold, 20, LEFT, 96, "Estimating Widget Durability");
                p.text(bold, 20, LEFT, 120, "in Cold Climates");
                p.text(body, 11, LEFT, 146, "Jane Smith and Omar Khan");
                float y = 190;
                p.text(bold, 12, LEFT, y, "1. Introduction");
                p.text(bold, 12, RIGHT, y, "2. Methods");
                y += 22;
                String[] left = {
                    "Widgets fail in the cold more often than in",
                    "the heat, and nobody has tried to esti-",
                    "mate by how much. This is the \uFB01rst study",
                    "of widget durability below freezing, over",
                    "a long-term trial of three winters in a row",
                    "in two northern towns."};
                String[] right = {
                    "We kept two hundred widgets outdoors and",
                    "counted the ones that cracked each week.",
                    "The trial was long-",
                    "term by design, so seasons could differ.",
                    "Each widget was weighed before and after",
                    "its winter in the open air."};
                for (int i = 0; i < left.length; i++) {
                    p.text(body, 10, LEFT, y, left[i]);
                    p.text(body, 10, RIGHT, y, right[i]);
                    y += 12;
                }
                y += 12;
                p.text(bold, 11, RIGHT, y, "2.1 Data");
                y += 18;
                String[] data = {
                    "Cracks were counted by two observers who",
                    "did not know which widgets were coated."};
                for (String line : data) {
                    p.text(body, 10, RIGHT, y, line);
                    y += 12;
                }
            }
            try (Page p = new Page(doc, 2, body)) {
                float y = 110;
                String[] left = {
                    "Coated widgets cracked less than bare ones",
                    "in every month of the trial, and the gap",
                    "grew as the temperature fell further still",
                    "through the coldest weeks of the winter",
                    "when the frost reached its deepest point."};
                String[] right = {
                    "Uncoated widgets lost a tenth of their mass",
                    "over the winter, coated ones almost none.",
                    "The observers agreed on nearly all counts",
                    "and settled the rest by looking together",
                    "at the photographs taken every week."};
                p.text(bold, 12, LEFT, y, "3. Results");
                y += 22;
                for (int i = 0; i < left.length; i++) {
                    p.text(body, 10, LEFT, y, left[i]);
                    p.text(body, 10, RIGHT, y, right[i]);
                    y += 12;
                }
                y += 14;
                p.text(body, 9, LEFT, y, "Figure 1. Cracked widgets by month and coating.");
            }
            try (Page p = new Page(doc, 3, body)) {
                float y = 110;
                p.text(bold, 12, LEFT, y, "References");
                y += 20;
                p.text(body, 10, LEFT, y, "[1] Smith, J. (2019). Durable widgets. Journal of Widgets, 4(2), 1-10.");
                y += 12;
                p.text(body, 10, LEFT, y, "[2] Khan, O., & Lee, P. (2020). Cold testing of widgets and other");
                y += 12;
                p.text(body, 10, LEFT + 12, y, "small things. Materials Letters, 7, 20-30.");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * One page of text and a reference list as BioMed Central sets it: "References" in the entries' small plain type,
     * each entry's number set apart from its text by a tab, in the biomedical style without brackets; a citation box
     * after it.
     */
    static Path tabbedReferences(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (Page p = new Page(doc, 1, body)) {
                float y = 100;
                for (int i = 0; i < 12; i++) {
                    p.text(body, 10, LEFT, y, "Quality improvement needs staff, patients and managers alike, line " + i + ".");
                    y += 12;
                }
                y += 20;
                p.text(body, 7, LEFT, y, "References");
                String[][] entries = {
                    {"Ovretveit J, Serouri A: Hospital quality management system in a low income",
                        "Arabic country: an evaluation. Int J Health Care Qual Assur 2006, 19:516-532."},
                    {"Franco L, et al: Sustaining quality of healthcare: institutionalization of quality",
                        "assurance. Bethesda, MD: Quality Assurance Project; 2006:15."},
                    {"Shojania KG, Grimshaw JM: Evidence-based quality improvement: the",
                        "state of the science. Health Aff 2005, 24(1):138-150."},
                    {"Zere E, Moeti M, Kirigia J: Equity in health and healthcare in Malawi:",
                        "analysis of trends. BMC Public Health 2007, 7(1):78."},
                    {"Chen L, et al: Human resources for health: overcoming the crisis.",
                        "Lancet 2004, 364(9449):1984-1990."},
                    {"Durand M: Quality improvement and the hierarchy of needs in low",
                        "resource settings. Int J Qual Health Care 2009, 22(1):70-72."}};
                y += 9;
                for (int i = 0; i < entries.length; i++) {
                    p.text(body, 7, LEFT, y, (i + 1) + ".");
                    for (String line : entries[i]) {
                        p.text(body, 7, LEFT + 15, y, line);
                        y += 9;
                    }
                }
                // The citation box that follows the list on a BioMed Central article's last page.
                p.text(body, 7, LEFT + 5, y + 12, "Cite this article as: Fixture et al.: Quality in low income hospitals.");
                p.text(body, 7, LEFT + 5, y + 21, "BMC Health Services Research 2014, 14:1");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** One page of full lines at even spacing, with no paragraph break anywhere: about 5,000 characters. */
    static Path unbroken(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (Page p = new Page(doc, 1, body)) {
                for (int i = 0; i < 56; i++) {
                    p.text(body, 9, LEFT, 70 + i * 11, "the widget number " + (100 + i)
                            + " held in the cold. Then another widget was tested in the snow and");
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * The unbroken page with a banner down its right margin set letter-group by letter-group without advance, as
     * BioMed Central's sideways "Page 5 of 10" and journal line reach PDFBox: pieces with no width along the line.
     */
    static Path marginBanner(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (Page p = new Page(doc, 1, body)) {
                for (int i = 0; i < 20; i++) {
                    p.text(body, 9, LEFT, 70 + i * 11, "Line " + i + " of the body text runs across the page here");
                }
                p.stream.setHorizontalScaling(0);
                String[] banner = {"A", "g", "yem", "an", "-D", "u", "ah", "Services", "Research", "P", "ag", "e"};
                for (int i = 0; i < banner.length; i++) {
                    p.text(body, 7, WIDTH - 40, 60 + i * 12, banner[i]);
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** Two pages: a sentence runs over the page break, and page 2 opens with a figure caption above its rest. */
    static Path captionAtPageTop(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (Page p = new Page(doc, 1, body)) {
                for (int i = 0; i < 20; i++) {
                    p.text(body, 10, LEFT, 80 + i * 12, "Widgets were left out in the cold for many weeks, and then");
                }
            }
            try (Page p = new Page(doc, 2, body)) {
                p.text(body, 10, LEFT, 80, "Figure 3. A cracked widget in the snow.");
                p.text(body, 10, LEFT, 300, "they were brought back in and weighed again by the observers.");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** The article, protected: opening it needs the user password. */
    static Path encrypted(Path file) throws IOException {
        Path plain = article(file.resolveSibling("plain-for-" + file.getFileName()));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        Files.delete(plain);
        return file;
    }

    /** The article, encrypted with no user password but without permission to extract text. */
    static Path noExtraction(Path file) throws IOException {
        Path plain = article(file.resolveSibling("plain-for-" + file.getFileName()));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            AccessPermission permission = new AccessPermission();
            permission.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permission);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        Files.delete(plain);
        return file;
    }

    /** One page holding only a picture: what a scanner without OCR produces. */
    static Path imageOnly(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
            for (int x = 20; x < 180; x++) {
                scan.setRGB(x, 40, 0xFFFFFF);
            }
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.drawImage(image, 50, 50, 500, 650);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** The article cut off after its first third, as an interrupted download leaves it. */
    static Path truncated(Path file) throws IOException {
        Path whole = article(file.resolveSibling("whole-for-" + file.getFileName()));
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        Files.delete(whole);
        return file;
    }

    /** Helvetica whose codes 128 and 129 are the "fi" and "fl" ligature glyphs, as a typesetter would use them. */
    private static PDFont ligatureFont(PDDocument doc) throws IOException {
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(128));
        differences.add(COSName.getPDFName("fi"));
        differences.add(COSName.getPDFName("fl"));
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
        encoding.setItem(COSName.DIFFERENCES, differences);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, "Helvetica");
        font.setItem(COSName.ENCODING, encoding);
        return new PDType1Font(font);
    }

    /** One page with the running header at the top and its number at the bottom; y counts from the top. */
    private static final class Page implements AutoCloseable {
        final PDPageContentStream stream;

        Page(PDDocument doc, int number, PDFont font) throws IOException {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            text(font, 8, LEFT, 40, HEADER);
            text(font, 9, WIDTH / 2, HEIGHT - 40, String.valueOf(number));
        }

        void text(PDFont font, float size, float x, float yFromTop, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, HEIGHT - yFromTop);
            stream.showText(text);
            stream.endText();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
