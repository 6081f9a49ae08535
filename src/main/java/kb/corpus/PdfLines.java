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

    private int chars;
    private int sizeless;

    private PdfLines(boolean sorted) throws IOException {
        setSortByPosition(sorted);
        // Overlapping duplicates are how some producers fake bold; PDFBox drops the copies.
        setSuppressDuplicateOverlappingText(true);
    }

    /** Every page of {@code doc}, in page order. */
    static List<Page> read(PDDocument doc) throws IOException {
        PdfLines sorted = new PdfLines(true);
        sorted.getText(doc);
        if (sorted.sizeless * 2 <= sorted.chars) {
            return sorted.pages;
        }
        // Type 3 bitmap fonts of old TeX output report no type size, and PDFBox's sorting, which works in text
        // direction, then scrambles their lines; their content stream is in reading order, so it is read as it comes.
        PdfLines asWritten = new PdfLines(false);
        asWritten.getText(doc);
        return asWritten.pages;
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
    protected void processTextPosition(TextPosition text) {
        chars++;
        if (text.getFontSizeInPt() <= 0) {
            sizeless++;
        }
        super.processTextPosition(text);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty() || text.isBlank()) {
            return;
        }
        // PDFBox's "word" holds the space glyphs a producer wrote (a whole line, from some word processors) and can
        // run over a line end when its line detection fails; it is cut at spaces, where the baseline moves and where
        // the text goes back to the left, so each piece has its own place. A piece takes its characters' own text.
        int start = 0;
        for (int i = 0; i <= positions.size(); i++) {
            boolean space = i < positions.size() && positions.get(i).getUnicode().isBlank();
            boolean cut = i == positions.size() || space || i > start && newLine(positions.get(i - 1), positions.get(i));
            if (cut) {
                if (i > start) {
                    List<TextPosition> part = positions.subList(start, i);
                    addWord(start == 0 && i == positions.size() ? text : unicode(part), part);
                }
                start = space ? i + 1 : i;
            }
        }
    }

    private static boolean newLine(TextPosition a, TextPosition b) {
        float size = Math.max(size(a), 4f);
        return Math.abs(b.getY() - a.getY()) > size * 0.6f || b.getX() < a.getX() - size;
    }

    private static String unicode(List<TextPosition> part) {
        StringBuilder s = new StringBuilder();
        part.forEach(p -> s.append(p.getUnicode()));
        return s.toString();
    }

    private void addWord(String text, List<TextPosition> positions) {
        if (text.isBlank()) {
            return;
        }
        TextPosition first = positions.get(0);
        TextPosition last = positions.get(positions.size() - 1);
        // The middle character stands for the word, so a superscript note mark ("Smith1") does not set its size.
        TextPosition typical = positions.get(positions.size() / 2);
        if (typical.getDir() != 0) {
            // Text set sideways (a licence along the margin, a rotated table label) is not part of the reading order.
            return;
        }
        float size = size(typical);
        if (last.getX() + last.getWidth() - first.getX() < size * 0.1f) {
            // Glyphs without width along the line are text turned in a way PDFBox reports as upright (a banner set
            // letter by letter up the margin): each piece would be a stray fragment ("A g yem", "tral.co m").
            return;
        }
        // Page coordinates turned with the page, from the top; a word on another baseline starts a new line.
        float y = typical.getY();
        if (!line.isEmpty() && Math.abs(line.get(line.size() - 1).y() - y) > size * 0.6f) {
            endLine();
        }
        line.add(new Word(text.strip(), first.getX(), last.getX() + last.getWidth(), y, size,
                isBold(typical.getFont())));
    }

    /** The type size in points; a font that reports none (Type 3 bitmaps) counts as 10 points. */
    private static float size(TextPosition p) {
        float size = p.getFontSizeInPt();
        return size > 0 ? size : 10f;
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

    /** Bold by the font's name ("Helvetica-Bold", "Taz-ExtraBold", "AdvOT3b30f6db.B") or its descriptor's weight or force-bold flag. */
    static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
                || name.matches(".*[-,](demi|sb|bd)\\b.*") || name.matches(".*\\.(b|bi)$")) {
            return true;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        return d != null && (d.getFontWeight() >= 600 || d.isForceBold());
    }
}
