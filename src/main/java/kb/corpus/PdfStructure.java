package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PDF's lines, in reading order, into sections and passages. The most common type size is body text; a
 * short line in larger type, in bold, in capitals, or numbered ("2.1 Data") and standing alone is a heading, its
 * number or its type setting its depth. A paragraph ends at a wider gap between lines, an indented line, a change of
 * type size, or a short line ending a sentence ({@link PdfMeasures} says what is wide, indented or short here).
 * "Figure 2." / "Table 1:" starts a caption. Under a reference-list heading every entry (numbered "[1]"/"1."/"1",
 * or by hanging indent or author-year line: {@link PdfReferenceList}) is a reference passage.
 */
final class PdfStructure {
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?\\s+(\\p{Lu}.*)$");
    static final Pattern CAPTION = Pattern.compile(
            "^(?:Figure|Fig\\.|FIGURE|FIG\\.|Table|TABLE|Scheme|Chart|Plate)\\s*(?:\\d{1,3}|[IVX]{1,5})[A-Za-z]?(?:\\s*[.:|—–]|\\s+\\p{Lu}|\\s*$)");
    private static final Pattern FIRST_ENTRY = Pattern.compile("^(?:\\[1]|1[.)]?)\\s+\\p{Lu}");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.?!:)\"”’]$");
    private static final int MAX_HEADING_CHARS = 120;
    private static final int MAX_HEADING_LINES = 3;

    private record Heading(String text, int depth, float size, boolean bold) {
        /** Whether this heading is of a higher level than {@code other}, so {@code other} nests under it. */
        boolean outranks(Heading other) {
            if (depth > 0 && other.depth > 0) {
                return depth < other.depth;
            }
            if (size > other.size + 0.6f) {
                return true;
            }
            return Math.abs(size - other.size) <= 0.6f && bold && !other.bold;
        }
    }

    private enum Block { PARAGRAPH, CAPTION, ENTRY }

    private final ArticleBuilder builder;
    private final PdfText text;
    private final List<PdfLayout.Line> lines;
    private final PdfMeasures measures;
    private final List<Heading> headings = new ArrayList<>();

    private final List<PdfLayout.Line> block = new ArrayList<>();
    private Block blockKind = Block.PARAGRAPH;
    private boolean sectionChanged = true;
    private PdfLayout.Line lastHeadingLine;
    private int headingLines;
    private boolean inReferences;
    private PdfReferenceList refs;

    private PdfStructure(ArticleBuilder builder, List<PdfLayout.Line> lines) {
        this.builder = builder;
        this.lines = lines;
        this.text = new PdfText(lines);
        this.measures = new PdfMeasures(lines);
    }

    /** Adds the passages of {@code lines} to {@code builder}, leaving out {@code skip} (the title lines). */
    static void build(ArticleBuilder builder, List<PdfLayout.Line> lines, Set<PdfLayout.Line> skip) {
        List<PdfLayout.Line> kept = new ArrayList<>();
        for (PdfLayout.Line l : lines) {
            // Dot leaders and rules carry no words.
            if (!skip.contains(l) && l.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                kept.add(l);
            }
        }
        new PdfStructure(builder, kept).run();
    }

    private void run() {
        PdfLayout.Line prev = null;
        for (int i = 0; i < lines.size(); i++) {
            PdfLayout.Line line = lines.get(i);
            PdfLayout.Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean breaks = breaksBefore(prev, line);
            // A caption at the top of a page or column (or anywhere above the line before) interrupts the sentence
            // running over to there.
            boolean caption = CAPTION.matcher(line.text()).find() && (breaks || endsSentence(prev) || movesOn(prev, line));
            // A heading starts a block: a line that runs on from the one above in the same type is text.
            Heading heading = caption || !(breaks || prev == lastHeadingLine) ? null : heading(line, next);
            if (heading != null) {
                flush();
                addHeading(heading, line);
            } else if (caption) {
                flush();
                endReferences();
                blockKind = Block.CAPTION;
                block.add(line);
                lastHeadingLine = null;
            } else if (inReferences && refs.endsList(line, block)) {
                // What follows a numbered list after a wide gap (a citation box, a licence) is not its last entry.
                flush();
                endReferences();
                block.add(line);
                lastHeadingLine = null;
            } else if (inReferences) {
                if (refs.startsEntry(line, block)) {
                    flush();
                }
                blockKind = Block.ENTRY;
                block.add(line);
                lastHeadingLine = null;
            } else {
                if (breaks) {
                    flush();
                }
                blockKind = block.isEmpty() ? Block.PARAGRAPH : blockKind;
                block.add(line);
                lastHeadingLine = null;
            }
            prev = line;
        }
        flush();
    }

    private void addHeading(Heading heading, PdfLayout.Line line) {
        boolean continues = lastHeadingLine != null && headingLines < MAX_HEADING_LINES && !headings.isEmpty()
                && lastHeadingLine.page() == line.page() && lastHeadingLine.sameSize(line)
                && lastHeadingLine.bold() == line.bold() && heading.depth() == 0
                && line.y() - lastHeadingLine.y() <= line.size() * 1.8f && line.y() > lastHeadingLine.y();
        if (continues) {
            // A heading set on two lines: the second line belongs to the first.
            Heading top = headings.remove(headings.size() - 1);
            heading = new Heading(text.join(top.text(), heading.text()), top.depth(), top.size(), top.bold());
            headingLines++;
        } else {
            if (ReferenceSections.isReferenceHeading(heading.text())) {
                // The reference list belongs to the article, never to the section before it.
                headings.clear();
            }
            while (!headings.isEmpty() && !headings.get(headings.size() - 1).outranks(heading)) {
                headings.remove(headings.size() - 1);
            }
            headingLines = 1;
        }
        headings.add(heading);
        lastHeadingLine = line;
        sectionChanged = true;
        boolean references = ReferenceSections.isReferenceHeading(heading.text());
        if (references && !inReferences) {
            refs = new PdfReferenceList(measures, lines, lines.indexOf(line) + 1);
        }
        inReferences = references;
    }

    private void endReferences() {
        if (inReferences) {
            inReferences = false;
            headings.clear();
            sectionChanged = true;
        }
    }

    /** The line as a heading, or null when it is text. */
    private Heading heading(PdfLayout.Line line, PdfLayout.Line next) {
        String t = line.text();
        float body = measures.body();
        if (t.length() > MAX_HEADING_CHARS || t.codePoints().filter(Character::isLetter).count() < 2
                || t.split("\\s+").length > 14 || t.chars().filter(c -> c == ',').count() >= 2 || t.contains("@")) {
            return null;
        }
        String bare = t.replaceAll("[:.]$", "").strip();
        Matcher numbered = NUMBERED_HEADING.matcher(bare);
        boolean larger = line.size() >= body * 1.12f;
        boolean bold = line.bold() && line.size() >= body * 0.9f;
        boolean caps = bare.codePoints().filter(Character::isLetter).count() >= 4 && bare.equals(bare.toUpperCase())
                && bare.split("\\s+").length <= 6 && line.size() >= body * 0.9f;
        boolean alone = next == null || next.page() != line.page() || next.column() != line.column()
                || next.y() - line.y() > measures.spacingFor(line) * 1.35f || !line.sameSize(next)
                || line.x1() < measures.right(line) - 3 * line.size();
        boolean sentence = t.matches(".*[.;,]$") && !t.matches("^\\d+(\\.\\d+)*\\.?\\s+\\S+\\.$");
        if (sentence || t.matches(".*\\p{Ll}\\s*-$")) {
            return null;
        }
        if (inReferences && (refs.looksLikeEntry(line) || !(larger || caps || bold))) {
            return null;
        }
        int depth = numbered.matches() && Integer.parseInt(numbered.group(1).split("\\.")[0]) <= 30
                ? numbered.group(1).split("\\.").length : 0;
        boolean numberedAlone = depth > 0 && alone && bare.split("\\s+").length <= 10;
        // "References" alone on its line opens the list whatever its type (some publishers set it as the entries).
        // So does one set as the entries and run close to them, when the next line is entry 1.
        boolean namedList = (alone || next != null && FIRST_ENTRY.matcher(next.text()).find()) && !inReferences
                && ReferenceSections.isReferenceHeading(bare);
        if (!(larger || bold || caps || numberedAlone || namedList)) {
            return null;
        }
        // In heading type, a line that runs on into more of the same is display text (a large abstract), not a heading.
        if ((larger || bold) && !alone && next != null && next.sameSize(line) && next.bold() == line.bold()
                && line.x1() >= measures.right(line) - 3 * line.size() && !numbered.matches()) {
            return null;
        }
        return new Heading(bare, depth, line.size(), line.bold() || caps);
    }

    private boolean breaksBefore(PdfLayout.Line prev, PdfLayout.Line line) {
        if (prev == null || !line.sameSize(prev)) {
            return true;
        }
        float left = measures.left(line);
        boolean indented = line.x0() - left > 0.7f * line.size() && line.x0() - left < 6 * line.size();
        boolean prevIndented = prev.x0() - measures.left(prev) > 0.7f * prev.size();
        if (indented && !prevIndented) {
            return true;
        }
        if (prev.page() == line.page() && prev.column() == line.column()) {
            float gap = line.y() - prev.y();
            if (gap > measures.spacingFor(line) * 1.45f) {
                return true;
            }
        }
        return prev.x1() < measures.right(prev) - 2.5f * prev.size() && endsSentence(prev);
    }

    private void flush() {
        if (block.isEmpty()) {
            return;
        }
        PdfLayout.Line first = block.get(0);
        StringBuilder all = new StringBuilder();
        for (PdfLayout.Line l : block) {
            text.append(all, l.text());
        }
        String joined = all.toString();
        block.clear();
        if (joined.codePoints().noneMatch(Character::isLetter)) {
            // A lone page number or a row of table figures says nothing as a passage.
            return;
        }
        if (sectionChanged) {
            List<String> path = new ArrayList<>();
            headings.forEach(h -> path.add(h.text()));
            builder.section(path, inReferences ? PassageKind.REFERENCE : PassageKind.PARAGRAPH);
            sectionChanged = false;
        }
        builder.page(first.page());
        switch (blockKind) {
            case CAPTION -> builder.add(joined, PassageKind.CAPTION);
            case ENTRY -> ReferenceSections.addEntry(builder, joined);
            // A PDF without paragraph breaks would otherwise give one passage of its whole text.
            case PARAGRAPH -> PassageLength.split(joined).forEach(builder::add);
        }
        blockKind = Block.PARAGRAPH;
    }

    private static boolean movesOn(PdfLayout.Line prev, PdfLayout.Line line) {
        return prev != null && (prev.page() != line.page() || prev.column() != line.column() || line.y() < prev.y());
    }

    private static boolean endsSentence(PdfLayout.Line line) {
        return line != null && ENDS_SENTENCE.matcher(line.text()).find();
    }
}
