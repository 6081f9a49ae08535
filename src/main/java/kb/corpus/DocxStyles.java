package kb.corpus;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;

/**
 * What a Word paragraph's style makes it: a heading of some level (a "Heading N" style, or an outline level on the
 * paragraph or its style), the title, a caption, or a table-of-contents line. Styles are matched by id and by name,
 * so documents written by other programs (ids without a styles part) and localised Word (names) both work.
 */
final class DocxStyles {
    /** {@link #headingLevel} of a Title-styled paragraph. */
    static final int TITLE = 0;
    static final int BODY = -1;
    private static final Pattern HEADING = Pattern.compile("heading\\s*([1-9])");
    /** Word's outline levels are 0-8 for headings; 9 is body text. */
    private static final int BODY_OUTLINE = 9;
    /** Styles inherit (basedOn); a few steps suffice, and a cycle in a damaged file must not loop. */
    private static final int MAX_INHERITANCE = 8;

    private final XWPFStyles styles;

    DocxStyles(XWPFStyles styles) {
        this.styles = styles;
    }

    /** {@link #TITLE}, a heading level from 1, or {@link #BODY}. */
    int headingLevel(XWPFParagraph p) {
        XWPFStyle style = style(p.getStyleID());
        for (String name : new String[] {style == null ? null : style.getName(), p.getStyleID()}) {
            String n = normal(name);
            if (n.equals("title")) {
                return TITLE;
            }
            Matcher m = HEADING.matcher(n);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        Integer outline = outline(p.getCTPPr());
        for (int i = 0; outline == null && style != null && i < MAX_INHERITANCE; i++) {
            outline = outline(style.getCTStyle().getPPr());
            style = style(style.getBasisStyleID());
        }
        return outline == null || outline >= BODY_OUTLINE || outline < 0 ? BODY : outline + 1;
    }

    boolean isCaption(XWPFParagraph p) {
        return is(p, "caption");
    }

    /** Lines of a generated table of contents ("TOC 1", "toc2"): navigation, not text. */
    boolean isTableOfContents(XWPFParagraph p) {
        XWPFStyle style = style(p.getStyleID());
        return normal(p.getStyleID()).matches("toc\\s*\\d") || style != null && normal(style.getName()).matches("toc\\s*\\d");
    }

    private boolean is(XWPFParagraph p, String wanted) {
        XWPFStyle style = style(p.getStyleID());
        return normal(p.getStyleID()).equals(wanted) || style != null && normal(style.getName()).equals(wanted);
    }

    private XWPFStyle style(String id) {
        return styles == null || id == null ? null : styles.getStyle(id);
    }

    private static Integer outline(CTPPrBase ppr) {
        if (ppr == null || !ppr.isSetOutlineLvl()) {
            return null;
        }
        CTDecimalNumber lvl = ppr.getOutlineLvl();
        BigInteger v = lvl.getVal();
        return v == null ? null : v.intValue();
    }

    private static String normal(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
