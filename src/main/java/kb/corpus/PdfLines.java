package kb.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The words PDFBox's {@link PDFTextStripper} finds on each page, sorted by position, kept with their place, type size
 * and weight and grouped into PDFBox's own lines. Nothing here reads PDF syntax; it only records what PDFBox reports.
 */
final class PdfLines extends PDFTextStripper {
    /** One word: its text, left and right edge, baseline (from the top of the page), type size in points, bold. */
    record Word(String text, float x0, float x1, float y, float size, boolean bold) {}

    /** One page: its number from 1, width and height in points, and PDFBox's lines (which may span columns). */
    record Page(int number, float width, float height, List<List<Word>> lines) {
        int letters() {
            int n = 0;
            for (List<Word> line : lines) {
                for (Word w : line) {
                    n += (int) w.text().chars().filter(Character::isLetter).count();
                }
            }
            return n;
        }
    }

    private final List<Page> pages = new ArrayList<>();
    private List<List<Word>> lines;
    private List<Word> line;
    private float width;
    private float height;

    private PdfLines() throws IOException {
        setSortByPosition(true);
        // Overlapping duplicates are how some producers fake bold; PDFBox drops the copies.
        setSuppressDuplicateOverlappingText(true);
    }

    /** Every page of {@code doc}, in page order. */
    static List<Page> read(PDDocument doc) throws IOException {
        PdfLines stripper = new PdfLines();
        stripper.getText(doc);
        return stripper.pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        lines = new ArrayList<>();
        line = new ArrayList<>();
        var box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        width = turned ? box.getHeight() : box.getWidth();
        height = turned ? box.getWidth() : box.getHeight();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        pages.add(new Page(getCurrentPageNo(), width, height, lines));
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty() || text.isBlank()) {
            return;
        }
        TextPosition first = positions.get(0);
        TextPosition last = positions.get(positions.size() - 1);
        // The middle character stands for the word, so a superscript note mark ("Smith1") does not set its size.
        TextPosition typical = positions.get(positions.size() / 2);
        float baseline = typical.getYDirAdj();
        line.add(new Word(text, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), baseline,
                typical.getFontSizeInPt(), isBold(typical.getFont())));
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (line != null && !line.isEmpty()) {
            lines.add(line);
            line = new ArrayList<>();
        }
    }

    /** Bold by the font's name ("Helvetica-Bold", "Taz-ExtraBold") or its descriptor's weight or force-bold flag. */
    static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
                || name.matches(".*[-,](demi|sb|bd)\\b.*")) {
            return true;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        return d != null && (d.getFontWeight() >= 600 || d.isForceBold());
    }
}
